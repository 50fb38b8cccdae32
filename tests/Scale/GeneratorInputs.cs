using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Scale
{
    /// <summary>An additional file held in memory.</summary>
    public sealed class MemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public MemoryAdditionalText(string path, string text)
            : this(path, SourceText.From(text))
        {
        }

        public MemoryAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>
    /// MSBuild properties and item metadata as SpecGen.targets would pass them (pages: files ending in .md unless told
    /// otherwise; lockfiles, SpackLockfile items: files ending in .lock).
    /// </summary>
    public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);
        private static readonly DictionaryOptions Page = new DictionaryOptions(
            ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.SpecGenPage", "true"));

        private static readonly DictionaryOptions Lockfile = new DictionaryOptions(
            ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.SpecGenLockfile", "true"));

        private readonly Func<string, bool> _isPage;

        public TestOptionsProvider(IReadOnlyDictionary<string, string>? properties = null, Func<string, bool>? isPage = null)
        {
            var global = ImmutableDictionary.CreateBuilder<string, string>();
            if (properties is not null)
            {
                foreach (KeyValuePair<string, string> pair in properties)
                {
                    global.Add("build_property." + pair.Key, pair.Value);
                }
            }

            GlobalOptions = new DictionaryOptions(global.ToImmutable());
            _isPage = isPage ?? (path => path.EndsWith(".md", StringComparison.Ordinal));
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            return _isPage(textFile.Path) ? Page : textFile.Path.EndsWith(".lock", StringComparison.Ordinal) ? Lockfile : Empty;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public DictionaryOptions(ImmutableDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
