using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>A lockfile as <see cref="LockfileReader"/> read it.</summary>
    internal sealed class LockfileData
    {
        public LockfileData(int version, string? spackVersion, IReadOnlyList<LockNodeData> nodes, IReadOnlyList<int> roots)
        {
            Version = version;
            SpackVersion = spackVersion;
            Nodes = nodes;
            Roots = roots;
        }

        /// <summary><c>_meta.lockfile-version</c>, 2 to 8.</summary>
        public int Version { get; }

        /// <summary><c>spack.version</c> (written from Spack 0.20 on), or null.</summary>
        public string? SpackVersion { get; }

        /// <summary>The nodes of <c>concrete_specs</c> in written order, then those of included environments.</summary>
        public IReadOnlyList<LockNodeData> Nodes { get; }

        /// <summary>Indexes of the root nodes, in the order of <c>roots</c>.</summary>
        public IReadOnlyList<int> Roots { get; }
    }

    /// <summary>
    /// Reads a Spack environment lockfile (<c>spack.lock</c>), versions 2 to 8, shared by the runtime
    /// (SpackLockfile) and the generator (SPG0026 to SPG0028). What each version writes (Spack's
    /// <c>environment.py</c> and <c>spec.py</c>; tests/Lockfiles holds real files of each):
    /// <list type="bullet">
    /// <item>v2 (Spack 0.13): each node is <c>{name: body}</c>, keyed by its build hash; the body's <c>hash</c> is the DAG
    /// hash; dependencies are an object <c>{name: {hash: key, type}}</c>.</item>
    /// <item>v3 (0.17): flat nodes with <c>name</c>, keyed by build hash, inner <c>hash</c> the DAG hash; dependencies a list
    /// of <c>{name, build_hash, type}</c>.</item>
    /// <item>v4 (0.18): keyed by the DAG hash; dependencies <c>{name, hash, type}</c>.</item>
    /// <item>v5 (0.21): dependencies <c>{name, hash, parameters: {deptypes, virtuals}}</c>; the key is the SHA-1 of the
    /// node's compact JSON without <c>hash</c>, in base32.</item>
    /// <item>v6 (1.0), v7 (1.2, <c>roots[].group</c>), v8 (1.3, <c>provided_virtuals</c>): no <c>compiler</c> attribute;
    /// the compiler is the dependency whose edge provides <c>c</c>, <c>cxx</c> or <c>fortran</c>.</item>
    /// </list>
    /// v1 (Spack 0.12) is refused with a message that says so. Every problem is a <see cref="JsonFormatException"/> that
    /// names the JSON path, and the lockfile version once it is known.
    /// </summary>
    internal static class LockfileReader
    {
        public const int MinVersion = 2;
        public const int MaxVersion = 8;

        /// <summary>The first version keyed by DAG hash (earlier ones are keyed by build hash).</summary>
        public const int FirstDagKeyedVersion = 4;

        /// <summary>The first version whose keys are the hash of the node's compact JSON.</summary>
        public const int FirstCompactHashVersion = 5;

        /// <summary>The first version with the compiler as a dependency rather than an attribute.</summary>
        public const int FirstCompilerAsDependencyVersion = 6;

        private const int PatchPrefix = 7;

        private static readonly string[] FlagNames = { "cflags", "cppflags", "cxxflags", "fflags", "ldflags", "ldlibs" };

        private static readonly string[] CompilerVirtuals = { "c", "cxx", "fortran" };

        /// <summary>Reads a lockfile; throws <see cref="JsonFormatException"/> naming the problem, its path and the version.</summary>
        public static LockfileData Read(string text)
        {
            JsonItem root = JsonReader.Parse(text);
            int version = ReadVersion(root);
            JsonItem concrete = Require(root, "concrete_specs", JsonKind.Object, version, "the nodes of the environment, by hash");
            JsonItem roots = Require(root, "roots", JsonKind.Array, version, "the environment's root specs");
            string? spackVersion = root.Get("spack") is JsonItem spack && spack.IsObject && spack.Get("version") is JsonItem sv && sv.IsString ? sv.Text : null;

            // The nodes, then those of included environments (include_concrete, Spack 0.22 on), each key once.
            var keyed = new List<JsonItem>();
            var rootLists = new List<JsonItem> { roots };
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            Collect(concrete, keyed, keys);
            CollectIncluded(root, keyed, keys, rootLists, version);

            var nodes = new List<LockNodeData>(keyed.Count);
            var bodies = new List<JsonItem>(keyed.Count);
            using (var hasher = new PythonJson.DagHasher())
            {
                foreach (JsonItem node in keyed)
                {
                    nodes.Add(ReadNode(node, version, hasher, out JsonItem body));
                    bodies.Add(body);
                }
            }

            for (int i = 0; i < nodes.Count; i++)
            {
                ReadDependencies(nodes, bodies[i], nodes[i], keys, version);
            }

            var rootIndexes = new List<int>();
            foreach (JsonItem list in rootLists)
            {
                foreach (JsonItem item in list.Children)
                {
                    if (!item.IsObject)
                    {
                        throw Fail(item, "The root " + item.Path + " is " + item.KindName + ", expected an object with hash and spec", version);
                    }

                    JsonItem hash = Require(item, "hash", JsonKind.String, version, "the key of the root's node");
                    if (!keys.TryGetValue(hash.Text!, out int index))
                    {
                        throw Fail(hash, "The root " + item.Path + " names /" + hash.Text + ", which is not a key of concrete_specs", version);
                    }

                    if (!nodes[index].IsRoot)
                    {
                        nodes[index].IsRoot = true;
                        rootIndexes.Add(index);
                    }
                }
            }

            return new LockfileData(version, spackVersion, nodes, rootIndexes);
        }

        private static int ReadVersion(JsonItem root)
        {
            const string Shape = "a spack.lock is a JSON object with _meta, roots and concrete_specs";
            if (!root.IsObject)
            {
                throw Fail(root, "Not a Spack lockfile: the document is " + root.KindName + "; " + Shape, null);
            }

            JsonItem? meta = root.Get("_meta");
            if (meta is null)
            {
                throw Fail(root, "Not a Spack lockfile: the object $ has no _meta; " + Shape, null);
            }

            if (!meta.IsObject)
            {
                throw Fail(meta, "Not a Spack lockfile: $._meta is " + meta.KindName + ", expected an object with lockfile-version", null);
            }

            if (meta.Get("file-type") is JsonItem fileType && !(fileType.IsString && fileType.Text == "spack-lockfile"))
            {
                throw Fail(fileType, "Not a Spack lockfile: " + fileType.Path + " is " + Describe(fileType) + ", not 'spack-lockfile'", null);
            }

            JsonItem? number = meta.Get("lockfile-version");
            if (number is null)
            {
                throw Fail(meta, "Not a Spack lockfile: $._meta has no lockfile-version", null);
            }

            if (number.Kind != JsonKind.Number || !NameChars.IsDigits(number.Text!))
            {
                throw Fail(number, number.Path + " is " + Describe(number) + ", expected a whole number from " + MinVersion + " to " + MaxVersion, null);
            }

            int version = number.Text!.Length > 6 ? int.MaxValue : int.Parse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture);
            if (version == 1)
            {
                throw Fail(number, "Lockfile version 1 (Spack 0.12) is not read: SpecGen reads versions " + MinVersion + " to " + MaxVersion + "; concretize the environment again with a newer Spack to rewrite it", 1);
            }

            if (version < 1)
            {
                throw Fail(number, number.Path + " is " + number.Text + ", which is no lockfile version (Spack's run from 1 to " + MaxVersion + ")", null);
            }

            if (version > MaxVersion)
            {
                string shown = version == int.MaxValue ? number.Text! : version.ToString(CultureInfo.InvariantCulture);
                throw Fail(number, "Lockfile version " + shown + " is newer than SpecGen knows: it reads versions " + MinVersion + " to " + MaxVersion + " (8 is Spack 1.3's)", null);
            }

            return version;
        }

        private static void Collect(JsonItem concrete, List<JsonItem> keyed, Dictionary<string, int> keys)
        {
            foreach (JsonItem node in concrete.Children)
            {
                if (!keys.ContainsKey(node.Key!))
                {
                    keys.Add(node.Key!, keyed.Count);
                    keyed.Add(node);
                }
            }
        }

        /// <summary><c>include_concrete: {path: {roots, concrete_specs[, include_concrete]}}</c>, nested, read without recursion.</summary>
        private static void CollectIncluded(JsonItem root, List<JsonItem> keyed, Dictionary<string, int> keys, List<JsonItem> rootLists, int version)
        {
            var pending = new Queue<JsonItem>();
            pending.Enqueue(root);
            while (pending.Count > 0)
            {
                JsonItem? included = pending.Dequeue().Get("include_concrete");
                if (included is null || included.Kind == JsonKind.Null)
                {
                    continue;
                }

                if (!included.IsObject)
                {
                    throw Fail(included, included.Path + " is " + included.KindName + ", expected an object of included environments", version);
                }

                foreach (JsonItem environment in included.Children)
                {
                    if (!environment.IsObject)
                    {
                        throw Fail(environment, "The included environment " + environment.Path + " is " + environment.KindName + ", expected an object with roots and concrete_specs", version);
                    }

                    Collect(Require(environment, "concrete_specs", JsonKind.Object, version, "the included environment's nodes"), keyed, keys);
                    if (environment.Get("roots") is not null)
                    {
                        rootLists.Add(Require(environment, "roots", JsonKind.Array, version, "the included environment's roots"));
                    }

                    pending.Enqueue(environment);
                }
            }
        }

        private static LockNodeData ReadNode(JsonItem keyed, int version, PythonJson.DagHasher hasher, out JsonItem body)
        {
            var data = new LockNodeData(keyed);
            string path = keyed.Path;
            if (version == 2)
            {
                if (!keyed.IsObject || keyed.Count != 1 || !keyed.Children[0].IsObject)
                {
                    throw Fail(keyed, "The node " + path + " is " + Shape(keyed) + ": lockfile version 2 writes each node as an object with one member, the package name, holding the spec", version);
                }

                body = keyed.Children[0];
                data.Name = body.Key!;
            }
            else
            {
                if (!keyed.IsObject)
                {
                    throw Fail(keyed, "The node " + path + " is " + keyed.KindName + ", expected an object", version);
                }

                body = keyed;
                data.Name = Require(body, "name", JsonKind.String, version, "the package name").Text!;
            }

            if (data.Name.Length == 0)
            {
                throw Fail(body, "The node " + path + " has an empty package name", version);
            }

            JsonItem versionNode = Require(body, "version", JsonKind.String, version, "the package version");
            data.Version = VersionValue.Parse(versionNode.Text!, out string? versionError)
                ?? throw Fail(versionNode, versionNode.Path + " '" + versionNode.Text + "' is not a Spack version: " + versionError, version);

            JsonItem arch = Require(body, "arch", JsonKind.Object, version, "platform, platform_os and target");
            data.Platform = Require(arch, "platform", JsonKind.String, version, "the platform").Text!;
            data.Os = Require(arch, "platform_os", JsonKind.String, version, "the operating system").Text!;
            JsonItem? target = arch.Get("target");
            if (target is null)
            {
                throw Missing(arch, "target", version, "the target, a name or an object with name");
            }

            data.Target = target.IsString
                ? target.Text!
                : target.IsObject
                    ? Require(target, "name", JsonKind.String, version, "the microarchitecture's name").Text!
                    : throw Fail(target, target.Path + " is " + target.KindName + ", expected a target name or an object with name", version);

            if (body.Get("compiler") is JsonItem compiler && compiler.Kind != JsonKind.Null)
            {
                if (!compiler.IsObject)
                {
                    throw Fail(compiler, compiler.Path + " is " + compiler.KindName + ", expected an object with name and version", version);
                }

                string name = Require(compiler, "name", JsonKind.String, version, "the compiler's name").Text!;
                string compilerVersion = Require(compiler, "version", JsonKind.String, version, "the compiler's version").Text!;
                data.Compiler = name + "@" + compilerVersion;
            }

            data.Variants = ReadParameters(body, version);

            if (body.Get("external") is JsonItem external && external.Kind != JsonKind.Null)
            {
                if (!external.IsObject)
                {
                    throw Fail(external, external.Path + " is " + external.KindName + ", expected an object (path, module, extra_attributes) or null", version);
                }

                data.IsExternal = true;
            }

            JsonItem? inner = body.Get("hash");
            if (inner is not null && !inner.IsString)
            {
                throw Fail(inner, inner.Path + " is " + inner.KindName + ", expected the node's hash as a string", version);
            }

            if (version < FirstDagKeyedVersion)
            {
                data.Hash = (inner ?? throw Missing(body, "hash", version, "the DAG hash, which cache pages list (the key of a version " + version + " node is its build hash)")).Text!;
            }
            else
            {
                data.Hash = data.Key;
            }

            if (version >= FirstCompactHashVersion)
            {
                data.HashMatchesContent = string.Equals(hasher.Hash(body), data.Key, StringComparison.Ordinal);
            }

            return data;
        }

        /// <summary>
        /// <c>parameters</c> as Spack writes them in a spec: <c>+name</c>/<c>~name</c> for a bool, <c>name=value</c> for a
        /// single value, <c>name:=a,b</c> for a list (patches by their first 7 characters), non-empty compiler flags as
        /// <c>cflags='-O2 -g'</c>; empty lists (the usual flags) are left out.
        /// </summary>
        private static IReadOnlyList<VariantSyntax> ReadParameters(JsonItem body, int version)
        {
            JsonItem? parameters = body.Get("parameters");
            if (parameters is null || parameters.Kind == JsonKind.Null)
            {
                return new VariantSyntax[0];
            }

            if (!parameters.IsObject)
            {
                throw Fail(parameters, parameters.Path + " is " + parameters.KindName + ", expected an object of variants", version);
            }

            var variants = new List<VariantSyntax>(parameters.Count);
            foreach (JsonItem value in parameters.Children)
            {
                string name = value.Key!;
                if (name.Length == 0)
                {
                    throw Fail(value, "A variant of " + parameters.Path + " has an empty name", version);
                }

                bool isFlag = Array.IndexOf(FlagNames, name) >= 0;
                switch (value.Kind)
                {
                    case JsonKind.True:
                    case JsonKind.False:
                        bool on = value.Kind == JsonKind.True;
                        variants.Add(new VariantSyntax((on ? "+" : "~") + name, name, on ? VariantFlags.BoolTrue : VariantFlags.BoolFalse, IsExact: false, IsQuoted: false, EquatableArray<string>.Empty));
                        break;
                    case JsonKind.String:
                    case JsonKind.Number:
                        variants.Add(Valued(name, new[] { value.Text! }, multi: false));
                        break;
                    case JsonKind.Array:
                        var items = new string[value.Count];
                        for (int i = 0; i < items.Length; i++)
                        {
                            JsonItem item = value.Children[i];
                            items[i] = item.Kind == JsonKind.String || item.Kind == JsonKind.Number
                                ? item.Text!
                                : item.Kind == JsonKind.True ? "true" : item.Kind == JsonKind.False ? "false"
                                : throw Fail(item, item.Path + " is " + item.KindName + ", expected a variant value (a string)", version);
                            if (name == "patches" && items[i].Length > PatchPrefix)
                            {
                                items[i] = items[i].Substring(0, PatchPrefix);
                            }
                        }

                        if (items.Length > 0)
                        {
                            variants.Add(isFlag ? Valued(name, new[] { string.Join(" ", items) }, multi: false) : Valued(name, items, multi: true));
                        }

                        break;
                    default:
                        throw Fail(value, value.Path + " is " + value.KindName + ", expected true, false, a string or a list of strings", version);
                }
            }

            return variants;
        }

        private static VariantSyntax Valued(string name, string[] values, bool multi)
        {
            bool quoted = false;
            char quote = '\'';
            foreach (string value in values)
            {
                if (value.Length == 0 || (multi && value.IndexOf(',') >= 0) || (values.Length == 1 && value[0] == '='))
                {
                    quoted = true;
                }

                foreach (char c in value)
                {
                    quoted |= !ValueGrammar.IsBareValueChar(c);
                    if (c == '\'')
                    {
                        quote = '"';
                    }
                }
            }

            var text = new StringBuilder(name).Append(multi ? ":=" : "=");
            string joined = string.Join(",", values);
            if (quoted)
            {
                text.Append(quote).Append(joined).Append(quote);
            }
            else
            {
                text.Append(joined);
            }

            return new VariantSyntax(text.ToString(), name, multi ? VariantFlags.Multi : VariantFlags.Single, IsExact: multi, IsQuoted: quoted, new EquatableArray<string>(values));
        }

        private static void ReadDependencies(List<LockNodeData> nodes, JsonItem body, LockNodeData data, Dictionary<string, int> keys, int version)
        {
            JsonItem? dependencies = body.Get("dependencies");
            var indexes = new List<int>();
            int compiler = -1;
            int compilerRank = int.MaxValue;
            if (dependencies is not null && dependencies.Kind != JsonKind.Null)
            {
                if (dependencies.IsObject)
                {
                    // v1/v2: {name: {hash: <key>, type: [...]}}
                    foreach (JsonItem edge in dependencies.Children)
                    {
                        if (!edge.IsObject)
                        {
                            throw Fail(edge, "The dependency " + edge.Path + " is " + edge.KindName + ", expected an object with hash and type", version);
                        }

                        indexes.Add(Resolve(edge, edge.Get("hash") ?? edge.Get("build_hash"), edge.Key!, keys, version));
                    }
                }
                else if (dependencies.IsArray)
                {
                    foreach (JsonItem edge in dependencies.Children)
                    {
                        if (!edge.IsObject)
                        {
                            throw Fail(edge, "The dependency " + edge.Path + " is " + edge.KindName + ", expected an object with name and hash", version);
                        }

                        string name = Require(edge, "name", JsonKind.String, version, "the dependency's package name").Text!;
                        JsonItem? reference = version == 3 ? edge.Get("build_hash") ?? edge.Get("hash") : edge.Get("hash") ?? edge.Get("build_hash");
                        int index = Resolve(edge, reference, name, keys, version);
                        indexes.Add(index);
                        int rank = CompilerRank(edge, version);
                        if (rank < compilerRank)
                        {
                            compilerRank = rank;
                            compiler = index;
                        }
                    }
                }
                else
                {
                    throw Fail(dependencies, dependencies.Path + " is " + dependencies.KindName + ", expected a list of dependencies", version);
                }
            }

            data.Dependencies = indexes;
            if (data.Compiler is null && version >= FirstCompilerAsDependencyVersion)
            {
                if (compiler >= 0)
                {
                    data.Compiler = nodes[compiler].Name + "@" + nodes[compiler].Version.Text;
                }
                else if (body.Get("annotations") is JsonItem annotations && annotations.IsObject && annotations.Get("compiler") is JsonItem annotated && annotated.IsString && annotated.Text!.Length > 0)
                {
                    // A node upgraded from an older spec file keeps its compiler here.
                    data.Compiler = annotated.Text;
                }
            }
        }

        /// <summary>0 for an edge that provides <c>c</c>, 1 for <c>cxx</c>, 2 for <c>fortran</c>, int.MaxValue otherwise.</summary>
        private static int CompilerRank(JsonItem edge, int version)
        {
            if (edge.Get("parameters") is not JsonItem parameters || parameters.Kind == JsonKind.Null)
            {
                return int.MaxValue;
            }

            if (!parameters.IsObject)
            {
                throw Fail(parameters, parameters.Path + " is " + parameters.KindName + ", expected an object with deptypes and virtuals", version);
            }

            int best = int.MaxValue;
            if (parameters.Get("virtuals") is JsonItem virtuals && virtuals.Kind != JsonKind.Null)
            {
                if (!virtuals.IsArray)
                {
                    throw Fail(virtuals, virtuals.Path + " is " + virtuals.KindName + ", expected a list of virtual names", version);
                }

                foreach (JsonItem name in virtuals.Children)
                {
                    if (!name.IsString)
                    {
                        throw Fail(name, name.Path + " is " + name.KindName + ", expected a virtual's name", version);
                    }

                    int rank = Array.IndexOf(CompilerVirtuals, name.Text);
                    if (rank >= 0 && rank < best)
                    {
                        best = rank;
                    }
                }
            }

            return best;
        }

        private static int Resolve(JsonItem edge, JsonItem? reference, string name, Dictionary<string, int> keys, int version)
        {
            if (reference is null)
            {
                throw Missing(edge, "hash", version, "the key of the dependency " + name + "'s node");
            }

            if (!reference.IsString)
            {
                throw Fail(reference, reference.Path + " is " + reference.KindName + ", expected the dependency's hash as a string", version);
            }

            return keys.TryGetValue(reference.Text!, out int index)
                ? index
                : throw Fail(reference, "The dependency " + name + " /" + reference.Text + " at " + reference.Path + " is not a key of concrete_specs", version);
        }

        /// <summary>The member <paramref name="key"/> of <paramref name="parent"/>, which must exist and be of <paramref name="kind"/>.</summary>
        private static JsonItem Require(JsonItem parent, string key, JsonKind kind, int? version, string what)
        {
            JsonItem? value = parent.Get(key) ?? throw Missing(parent, key, version, what);
            if (value.Kind != kind)
            {
                throw Fail(value, value.Path + " is " + Describe(value) + ", expected " + JsonItem.NameOf(kind) + " (" + what + ")", version);
            }

            return value;
        }

        private static JsonFormatException Missing(JsonItem parent, string key, int? version, string what)
        {
            return Fail(parent, parent.Path + " has no " + key + " (" + what + ")", version);
        }

        private static JsonFormatException Fail(JsonItem at, string problem, int? version)
        {
            return JsonFormatException.At(at, problem, version);
        }

        /// <summary>A value for a message: a short string or number as written, otherwise its kind.</summary>
        private static string Describe(JsonItem value)
        {
            if ((value.IsString || value.Kind == JsonKind.Number) && value.Text!.Length <= 40)
            {
                return value.IsString ? "the string '" + value.Text + "'" : value.Text!;
            }

            return value.KindName;
        }

        private static string Shape(JsonItem node)
        {
            return node.IsObject ? "an object with " + node.Count.ToString(CultureInfo.InvariantCulture) + " members" : node.KindName;
        }
    }
}
