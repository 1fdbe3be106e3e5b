using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PiPlatform
{
    /// <summary>
    /// Runs when the module is imported. On Windows PowerShell 5.1 (.NET Framework) there are no binding redirects
    /// for a module's dependencies, and System.Text.Json's netstandard2.0 closure asks for versions of
    /// System.Memory, System.Runtime.CompilerServices.Unsafe and friends that differ from the ones it ships with;
    /// so the copies in the module folder are handed over by name. On PowerShell 7 the runtime's own assemblies
    /// are used and nothing is hooked.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly HashSet<string> Shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Text.Json", "System.Text.Encodings.Web", "System.Memory", "System.Buffers",
            "System.Runtime.CompilerServices.Unsafe", "System.Numerics.Vectors", "System.Threading.Tasks.Extensions",
            "Microsoft.Bcl.AsyncInterfaces", "PiPlatform.Client",
        };

        private static readonly string Folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        private static bool OnNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        public void OnImport()
        {
            if (!OnNetFramework) return;
            // .NET Framework 4.7.2 may still default to TLS 1.0 on old systems; add TLS 1.2, never take anything away.
            // SystemDefault (0) already lets the OS choose: OR-ing into it would pin the whole process to TLS 1.2.
            if (ServicePointManager.SecurityProtocol != 0) ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo module)
        {
            if (OnNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name ?? "";
            string path = Path.Combine(Folder, name + ".dll");
            return Shipped.Contains(name) && File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
