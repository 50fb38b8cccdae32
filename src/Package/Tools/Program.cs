using System;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace SpecGen.PackageTools
{
    /// <summary>
    /// Gives the packed generator a private YamlDotNet: copies YamlDotNet.dll as SpecGen.YamlDotNet.dll (assembly
    /// renamed, unsigned) and points SpecGen.Generator.dll's reference at it. The .NET SDK hands the compiler only
    /// the highest version of analyzer DLLs that share a name, so with the original name another analyzer's
    /// YamlDotNet (of any version) could replace ours; with its own name, ours is always the one it was built with.
    /// Usage: SpecGen.PackageTools &lt;SpecGen.Generator.dll&gt; &lt;YamlDotNet.dll&gt; &lt;output directory&gt;
    /// </summary>
    public static class Program
    {
        public const string PrivateName = "SpecGen.YamlDotNet";

        public static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: SpecGen.PackageTools <SpecGen.Generator.dll> <YamlDotNet.dll> <output directory>");
                return 2;
            }

            Directory.CreateDirectory(args[2]);
            var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
            var read = new ReaderParameters { AssemblyResolver = resolver, ReadSymbols = false };
            var write = new WriterParameters { DeterministicMvid = true };

            using (AssemblyDefinition yaml = AssemblyDefinition.ReadAssembly(args[1], read))
            {
                yaml.Name.Name = PrivateName;
                yaml.Name.PublicKey = Array.Empty<byte>();
                yaml.Name.PublicKeyToken = Array.Empty<byte>();
                yaml.Name.HasPublicKey = false;
                yaml.MainModule.Name = PrivateName + ".dll";
                yaml.MainModule.Attributes &= ~ModuleAttributes.StrongNameSigned;
                yaml.Write(Path.Combine(args[2], PrivateName + ".dll"), write);
            }

            using (AssemblyDefinition generator = AssemblyDefinition.ReadAssembly(args[0], read))
            {
                AssemblyNameReference reference = generator.MainModule.AssemblyReferences.Single(r => r.Name == "YamlDotNet");
                reference.Name = PrivateName;
                reference.PublicKeyToken = Array.Empty<byte>();
                reference.PublicKey = Array.Empty<byte>();
                reference.HasPublicKey = false;
                generator.Write(Path.Combine(args[2], Path.GetFileName(args[0])), write);
            }

            Console.WriteLine("SpecGen.Generator.dll now uses " + PrivateName + ".dll");
            return 0;
        }
    }
}
