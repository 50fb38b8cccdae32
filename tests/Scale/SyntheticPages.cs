using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SpecGen.Scale
{
    /// <summary>A synthetic cache page: where it would live and its text.</summary>
    public sealed record SyntheticPage(string Tag, string Package, string Text)
    {
        public string RelativePath => Tag + "/" + Package + "/specs.md";
    }

    /// <summary>
    /// Writes realistic cache pages, deterministically from a seed (no network): the page-size distribution of
    /// the real corpus (most pages 1-5 specs, a tail of 30-60), real stacks, targets, operating systems,
    /// compilers and variant shapes, random base32 hashes, and meta derived from the specs as the real
    /// writer does. Across tags, packages repeat and about half of a package's binaries are kept from the
    /// previous snapshot (same hash), as in the public cache.
    /// </summary>
    public static class SyntheticPages
    {
        /// <summary>Pages of one snapshot of the public cache.</summary>
        public const int PagesPerTag = 1225;

        /// <summary>The spec counts of the real corpus pages; page sizes are drawn from these.</summary>
        private static readonly int[] SpecCounts = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 5, 6, 6, 7, 9, 12, 13, 14, 18, 18, 24, 32, 36, 45, 46, 64 };

        private static readonly string[] Stacks =
        {
            "e4s", "hep", "e4s-neoverse-v2", "e4s-oneapi", "tutorial", "aws-pcluster-x86_64_v4", "ml-linux-x86_64-cuda", "ml-linux-aarch64-cuda",
            "ml-linux-aarch64-cpu", "ml-linux-x86_64-cpu", "ml-linux-x86_64-rocm", "data-vis-sdk", "e4s-rocm-external", "e4s-cray-rhel",
            "radiuss-aws-aarch64", "ml-darwin-aarch64-mps", "radiuss", "bootstrap-x86_64-linux-gnu", "radiuss-aws", "bootstrap-aarch64-darwin",
            "aws-pcluster-neoverse_v1", "developer-tools-darwin", "build_systems", "developer-tools-aarch64-linux-gnu", "developer-tools-x86_64_v3-linux-gnu",
        };

        private static readonly (string Platform, string Os, string Target, int Weight)[] Arches =
        {
            ("linux", "ubuntu22.04", "x86_64_v3", 171), ("linux", "ubuntu22.04", "neoverse_v2", 36), ("linux", "ubuntu24.04", "x86_64_v3", 34),
            ("linux", "ubuntu24.04", "aarch64", 24), ("linux", "amzn2", "x86_64_v3", 24), ("linux", "ubuntu20.04", "x86_64_v3", 18),
            ("linux", "rhel8", "x86_64_v3", 17), ("darwin", "sequoia", "aarch64", 17), ("linux", "amzn2", "aarch64", 13),
            ("linux", "ubuntu18.04", "x86_64_v3", 13), ("linux", "amzn2", "x86_64_v4", 11), ("linux", "amzn2", "neoverse_v1", 8),
            ("linux", "rhel8", "aarch64", 6), ("linux", "centos7", "x86_64_v3", 6), ("linux", "amzn2", "neoverse_v2", 3),
        };

        private static readonly (string Compiler, int Weight)[] Compilers =
        {
            ("gcc@11.4.0", 155), ("none", 58), ("gcc@13.2.0", 43), ("gcc@7.3.1", 24), ("intel-oneapi-compilers@2025.1.0", 25),
            ("intel-oneapi-compilers@2024.1.0", 17), ("cce@18.0.0", 16), ("gcc@11.1.0", 15), ("apple-clang@16.0.0", 12),
            ("gcc@7.5.0", 11), ("gcc@12.4.0", 9), ("gcc@10.5.0", 5), ("gcc@12.3.0", 5), ("gcc@13.3.0", 4), ("llvm@14.0.0", 2),
        };

        private static readonly string[] BuildSystems = { "generic", "generic", "cmake", "cmake", "autotools", "autotools", "python_pip", "meson", "makefile" };

        private static readonly string[] BoolVariants =
        {
            "shared", "static", "pic", "mpi", "openmp", "cuda", "rocm", "fortran", "ipo", "doc", "examples", "tests", "python", "hdf5", "zlib",
            "bz2", "lzma", "ssl", "threads", "debug", "optimize", "int64", "complex", "x", "opengl", "netcdf", "boost", "kokkos", "sycl", "hwloc",
        };

        private static readonly string[] ValueVariants =
        {
            "build_type=Release", "build_type=RelWithDebInfo", "cxxstd=17", "cxxstd=20", "cuda_arch=80", "cuda_arch:=80,90", "amdgpu_target:=gfx90a",
            "libs:=shared,static", "libs=shared", "languages:='c,c++,fortran'", "fabrics:=ofi", "schedulers:=slurm", "romio-filesystem:=none",
            "precision=double", "generator=ninja", "context-impl=fcontext", "visibility=hidden", "threads=openmp", "default_library:=shared",
        };

        private static readonly string[] Syllables =
        {
            "ab", "ac", "ad", "al", "am", "an", "ar", "as", "at", "ba", "be", "bi", "bo", "ca", "ce", "ci", "co", "cu", "da", "de", "di", "do",
            "el", "em", "en", "er", "es", "fa", "fe", "fi", "fo", "ga", "ge", "gi", "go", "ha", "he", "hi", "ho", "id", "il", "im", "in", "ir",
            "ka", "ke", "ki", "ko", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu", "na", "ne", "ni", "no", "nu", "ob", "ol", "om",
            "on", "op", "or", "os", "pa", "pe", "pi", "po", "pu", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "su", "ta", "te", "ti",
            "to", "tu", "ul", "um", "un", "ur", "us", "va", "ve", "vi", "vo", "xa", "xe", "za", "ze", "zi", "zo",
        };

        private static readonly string[] Prefixes = { "", "", "", "", "py-", "py-", "py-", "r-", "perl-", "lib", "ruby-", "go-", "rust-" };

        /// <summary>The snapshot tags of a catalog of <paramref name="count"/> snapshots, oldest first.</summary>
        public static string[] Tags(int count)
        {
            var first = new DateTime(2025, 4, 20).AddDays(-7 * (count - 1));
            return Enumerable.Range(0, count).Select(i => "develop-" + first.AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        }

        /// <summary>S1: one snapshot, 1,225 pages.</summary>
        public static IReadOnlyList<SyntheticPage> S1(int seed = 1) => Generate(1, PagesPerTag, seed);

        /// <summary>S10: ten snapshots, 12,250 pages.</summary>
        public static IReadOnlyList<SyntheticPage> S10(int seed = 1) => Generate(10, PagesPerTag, seed);

        /// <summary>Snapshot: one whole snapshot of today's develop tag, 6,000 pages (about 50,000 specs).</summary>
        public static IReadOnlyList<SyntheticPage> Snapshot(int seed = 1) => Generate(1, 6000, seed);

        /// <summary>All: every snapshot at once, ten tags of 5,000 pages (50,000 pages, about 430,000 specs).</summary>
        public static IReadOnlyList<SyntheticPage> All(int seed = 1) => Generate(10, 5000, seed);

        /// <summary>A corpus by name: one (a single page), S1, S10, snapshot or all.</summary>
        public static IReadOnlyList<SyntheticPage> ByName(string name) => name switch
        {
            "one" => S1().Take(1).ToList(),
            "S1" => S1(),
            "S10" => S10(),
            "snapshot" => Snapshot(),
            "all" => All(),
            _ => throw new ArgumentException("Unknown corpus '" + name + "': one, S1, S10, snapshot or all"),
        };

        /// <summary>Writes the pages under <paramref name="root"/> as <c>&lt;tag&gt;/&lt;package&gt;/specs.md</c>; returns their total bytes.</summary>
        public static long Write(string root, IEnumerable<SyntheticPage> pages)
        {
            long bytes = 0;
            foreach (SyntheticPage page in pages)
            {
                string path = Path.Combine(root, page.Tag, page.Package, "specs.md");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                byte[] data = new UTF8Encoding(false).GetBytes(page.Text);
                File.WriteAllBytes(path, data);
                bytes += data.Length;
            }

            return bytes;
        }

        public static IReadOnlyList<SyntheticPage> Generate(int tagCount, int pagesPerTag, int seed)
        {
            var random = new Random(seed);
            string[] packages = PackageNames(random, pagesPerTag);
            var packageVersions = packages.Select(_ => Versions(random)).ToArray();
            int[] sizes = packages.Select(_ => SpecCounts[random.Next(SpecCounts.Length)]).ToArray();

            // A package is built in a few configurations (variant settings) across its specs, as in the real
            // cache: the corpus's 401 specs have 127 distinct variant lists (cmake: 36 specs, 3 lists).
            var configurations = sizes.Select(n => Enumerable.Range(0, 1 + random.Next(n / 5 + 1)).Select(_ => Variants(random)).ToArray()).ToArray();
            var previous = new List<Spec>[packages.Length];
            var pages = new List<SyntheticPage>(tagCount * packages.Length);
            foreach (string tag in Tags(tagCount))
            {
                for (int p = 0; p < packages.Length; p++)
                {
                    var specs = new List<Spec>(sizes[p]);
                    var hashes = new HashSet<string>(StringComparer.Ordinal);
                    if (previous[p] is not null)
                    {
                        // About half the binaries are kept from the previous snapshot.
                        foreach (Spec kept in previous[p])
                        {
                            if (random.Next(2) == 0 && hashes.Add(kept.Hash))
                            {
                                specs.Add(kept);
                            }
                        }
                    }

                    while (specs.Count < sizes[p])
                    {
                        Spec spec = NewSpec(random, packageVersions[p], configurations[p]);
                        if (hashes.Add(spec.Hash))
                        {
                            specs.Add(spec);
                        }
                    }

                    previous[p] = specs;
                    pages.Add(new SyntheticPage(tag, packages[p], Render(packages[p], tag, specs)));
                }
            }

            return pages;
        }

        private sealed record Spec(string Hash, string Compiler, string Os, string Platform, string Target, string[] Stacks, string[] Variants, string Version);

        private static string[] PackageNames(Random random, int count)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var shapes = new HashSet<string>(StringComparer.Ordinal);
            while (names.Count < count)
            {
                string stem = string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Syllables[random.Next(Syllables.Length)]));
                string name = Prefixes[random.Next(Prefixes.Length)] + stem + (random.Next(8) == 0 ? random.Next(2, 6).ToString(CultureInfo.InvariantCulture) : string.Empty);
                if (random.Next(10) == 0)
                {
                    name += "-" + Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)];
                }

                // Keep C# identifiers distinct: names that differ only in separators would collide.
                if (shapes.Add(name.Replace("-", string.Empty).Replace("_", string.Empty)))
                {
                    names.Add(name);
                }
            }

            return names.ToArray();
        }

        private static string[] Versions(Random random)
        {
            int major = random.Next(0, 12);
            int minor = random.Next(0, 30);
            return Enumerable.Range(0, 1 + random.Next(3)).Select(i => string.Join(".", major, minor + i, random.Next(0, 10))).ToArray();
        }

        private static Spec NewSpec(Random random, string[] versions, string[][] configurations)
        {
            var hash = new char[32];
            for (int i = 0; i < hash.Length; i++)
            {
                hash[i] = "abcdefghijklmnopqrstuvwxyz234567"[random.Next(32)];
            }

            (string platform, string os, string target, _) = Pick(random, Arches, a => a.Weight);
            string compiler = Pick(random, Compilers, c => c.Weight).Compiler;
            var stacks = new List<string> { "root" };
            int extra = random.Next(10) < 8 ? 1 : 2 + random.Next(4);
            while (stacks.Count < extra + 1)
            {
                string stack = Stacks[random.Next(Stacks.Length)];
                if (!stacks.Contains(stack))
                {
                    stacks.Insert(random.Next(stacks.Count + 1), stack);
                }
            }

            string[] variants = configurations[random.Next(configurations.Length)];
            return new Spec(new string(hash), compiler, os, platform, target, stacks.ToArray(), variants, versions[random.Next(versions.Length)]);
        }

        /// <summary>One configuration: a build system, then up to ~50 settings (bools, values, patches).</summary>
        private static string[] Variants(Random random)
        {
            var variants = new List<string> { "build_system=" + BuildSystems[random.Next(BuildSystems.Length)] };
            int count = random.Next(10) < 3 ? 0 : random.Next(10) < 7 ? 3 + random.Next(12) : 20 + random.Next(30);
            var names = new HashSet<string>(StringComparer.Ordinal) { "build_system" };
            for (int i = 0; i < count; i++)
            {
                string variant = random.Next(3) == 0
                    ? ValueVariants[random.Next(ValueVariants.Length)]
                    : (random.Next(2) == 0 ? "+" : "~") + BoolVariants[random.Next(BoolVariants.Length)];
                if (random.Next(12) == 0)
                {
                    variant = "patches:=" + string.Join(",", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(0x1000000, 0xFFFFFFF).ToString("x7", CultureInfo.InvariantCulture)).OrderBy(x => x, StringComparer.Ordinal));
                }

                string name = variant.TrimStart('+', '~').Split(':', '=')[0];
                if (names.Add(name))
                {
                    variants.Add(variant);
                }
            }

            return variants.ToArray();
        }

        private static T Pick<T>(Random random, T[] items, Func<T, int> weight)
        {
            int total = items.Sum(weight);
            int r = random.Next(total);
            foreach (T item in items)
            {
                r -= weight(item);
                if (r < 0)
                {
                    return item;
                }
            }

            return items[items.Length - 1];
        }

        /// <summary>The page exactly as the cache site's script writes it: sorted keys, one JSON line each for meta and spec_details.</summary>
        private static string Render(string package, string tag, List<Spec> specs)
        {
            var byStack = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (Spec spec in specs)
            {
                foreach (string stack in spec.Stacks.Distinct())
                {
                    byStack.TryGetValue(stack, out int n);
                    byStack[stack] = n + 1;
                }
            }

            var text = new StringBuilder();
            text.Append("---\ntitle: ").Append(Json(package)).Append("\nlayout: cache\ncategories: [package, ").Append(tag).Append("]\n");
            text.Append("meta: {\"compilers\": ").Append(Set(specs.Select(s => s.Compiler)));
            text.Append(", \"num_specs\": ").Append(specs.Count.ToString(CultureInfo.InvariantCulture));
            text.Append(", \"num_specs_by_stack\": {").Append(string.Join(", ", byStack.Select(p => Json(p.Key) + ": " + p.Value.ToString(CultureInfo.InvariantCulture)))).Append('}');
            text.Append(", \"oss\": ").Append(Set(specs.Select(s => s.Os)));
            text.Append(", \"platforms\": ").Append(Set(specs.Select(s => s.Platform)));
            text.Append(", \"stacks\": ").Append(Set(specs.SelectMany(s => s.Stacks)));
            text.Append(", \"targets\": ").Append(Set(specs.Select(s => s.Target)));
            text.Append(", \"versions\": ").Append(Set(specs.Select(s => s.Version))).Append("}\n");
            text.Append("spec_details: [");
            for (int i = 0; i < specs.Count; i++)
            {
                Spec s = specs[i];
                text.Append(i == 0 ? "{" : ", {");
                text.Append("\"compiler\": ").Append(Json(s.Compiler));
                text.Append(", \"hash\": ").Append(Json(s.Hash));
                text.Append(", \"os\": ").Append(Json(s.Os));
                text.Append(", \"platform\": ").Append(Json(s.Platform));
                text.Append(", \"size\": \"-\"");
                text.Append(", \"stacks\": ").Append(List(s.Stacks));
                text.Append(", \"target\": ").Append(Json(s.Target));
                text.Append(", \"variants\": ").Append(List(s.Variants));
                text.Append(", \"versions\": [").Append(Json(s.Version)).Append("]}");
            }

            text.Append("]\n---");
            return text.ToString();
        }

        private static string Set(IEnumerable<string> values) => List(values.Distinct().OrderBy(v => v, StringComparer.Ordinal));

        private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Json)) + "]";

        private static string Json(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
