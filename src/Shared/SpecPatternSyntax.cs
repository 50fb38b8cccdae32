// Shared by SpecGen.Runtime (SpecCatalog.Query) and SpecGen.Generator (the analyzer that checks query literals).
using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>A variant setting in a query: <c>+name</c>, <c>~name</c>, <c>name=v1,v2</c>, <c>name:=v1</c>.</summary>
    internal sealed class VariantPatternSyntax
    {
        public VariantPatternSyntax(string name, bool? enabled, string[] values, bool exact)
        {
            Name = name;
            Enabled = enabled;
            Values = values;
            Exact = exact;
        }

        public string Name { get; }

        /// <summary>For <c>+name</c>/<c>~name</c> (and <c>name=true</c>/<c>name=false</c>): on or off; else null.</summary>
        public bool? Enabled { get; }

        public string[] Values { get; }

        /// <summary>Written with <c>:=</c>: the values are the exact set.</summary>
        public bool Exact { get; }
    }

    /// <summary>
    /// The parts of a query in Spack's spec syntax, as text:
    /// <c>name@versions %compiler@versions +variant ~variant key=value target=T os=O platform=P arch=P-O-T /hash</c>.
    /// Parts may be separated by spaces or written together (<c>py-gast@0.5:%gcc+shared</c>).
    /// </summary>
    internal sealed class SpecPatternSyntax
    {
        public string? Name { get; private set; }

        public string? Versions { get; private set; }

        public string? CompilerName { get; private set; }

        public string? CompilerVersions { get; private set; }

        public List<VariantPatternSyntax> Variants { get; } = new List<VariantPatternSyntax>();

        public string? Target { get; private set; }

        public string? Os { get; private set; }

        public string? Platform { get; private set; }

        public string? HashPrefix { get; private set; }

        /// <summary>Parses a query; on failure returns null with the reason and the 0-based position.</summary>
        public static SpecPatternSyntax? Parse(string text, out string? error, out int position)
        {
            var result = new SpecPatternSyntax();
            var parser = new Parser(text, result);
            if (parser.Run())
            {
                error = null;
                position = -1;
                return result;
            }

            error = parser.Error;
            position = parser.ErrorPosition;
            return null;
        }

        private sealed class Parser
        {
            private readonly string _text;
            private readonly SpecPatternSyntax _result;
            private int _at;

            public Parser(string text, SpecPatternSyntax result)
            {
                _text = text;
                _result = result;
            }

            public string? Error { get; private set; }

            public int ErrorPosition { get; private set; }

            public bool Run()
            {
                bool first = true;
                while (true)
                {
                    bool spaced = SkipSpaces();
                    if (_at >= _text.Length)
                    {
                        return true;
                    }

                    int start = _at;
                    char c = _text[_at];
                    bool ok;
                    switch (c)
                    {
                        case '@':
                            ok = ReadVersions(start);
                            break;
                        case '%':
                            ok = ReadCompiler(start);
                            break;
                        case '+':
                        case '~':
                            ok = ReadBoolVariant(start, c == '+');
                            break;
                        case '-' when spaced || first:
                            ok = ReadBoolVariant(start, false);
                            break;
                        case '/':
                            ok = ReadHash(start);
                            break;
                        case '^':
                            return Fail(start, "dependencies ('^') are not part of cache pages and cannot be queried");
                        default:
                            if (!NameChars.IsNameChar(c) || c == '-' || c == '.')
                            {
                                return Fail(start, "unexpected '" + c + "'");
                            }

                            ok = ReadNameOrSetting(start);
                            break;
                    }

                    if (!ok)
                    {
                        return false;
                    }

                    first = false;
                }
            }

            private bool ReadVersions(int start)
            {
                _at++;
                string versions = ReadWhile(IsVersionChar);
                if (versions.Length == 0)
                {
                    return Fail(start, "'@' must be followed by a version or range");
                }

                if (_result.CompilerName is not null && _result.CompilerVersions is null && LastWasCompiler)
                {
                    _result.CompilerVersions = versions;
                    LastWasCompiler = false;
                    return true;
                }

                if (_result.Versions is not null)
                {
                    return Fail(start, "the query gives two version constraints");
                }

                _result.Versions = versions;
                return true;
            }

            private bool LastWasCompiler { get; set; }

            private bool ReadCompiler(int start)
            {
                _at++;
                string name = ReadWhile(NameChars.IsNameChar);
                if (name.Length == 0)
                {
                    return Fail(start, "'%' must be followed by a compiler name");
                }

                if (_result.CompilerName is not null)
                {
                    return Fail(start, "the query gives two compilers");
                }

                _result.CompilerName = name;
                LastWasCompiler = _at < _text.Length && _text[_at] == '@';
                return true;
            }

            private bool ReadBoolVariant(int start, bool enabled)
            {
                _at++;
                string name = ReadWhile(NameChars.IsNameChar);
                if (name.Length == 0)
                {
                    return Fail(start, "'" + _text[start] + "' must be followed by a variant name");
                }

                _result.Variants.Add(new VariantPatternSyntax(name, enabled, Array.Empty<string>(), false));
                return true;
            }

            private bool ReadHash(int start)
            {
                _at++;
                string hash = ReadWhile(NameChars.IsNameChar);
                if (hash.Length == 0)
                {
                    return Fail(start, "'/' must be followed by a hash or hash prefix");
                }

                foreach (char h in hash)
                {
                    if (CatalogLayout.HashCharRank(h) < 0)
                    {
                        return Fail(start, "'" + hash + "' is not a hash prefix (lowercase a-z and 2-7)");
                    }
                }

                if (_result.HashPrefix is not null)
                {
                    return Fail(start, "the query gives two hashes");
                }

                _result.HashPrefix = hash;
                return true;
            }

            private bool ReadNameOrSetting(int start)
            {
                string word = ReadWhile(NameChars.IsNameChar);
                bool exact = false;
                if (_at + 1 < _text.Length && _text[_at] == ':' && _text[_at + 1] == '=')
                {
                    exact = true;
                    _at += 2;
                }
                else if (_at < _text.Length && _text[_at] == '=')
                {
                    _at++;
                    if (_at < _text.Length && _text[_at] == '=')
                    {
                        _at++; // 'name==value' propagates in Spack; a cache spec has no dependencies, so it is 'name=value'.
                    }
                }
                else
                {
                    if (_result.Name is not null)
                    {
                        return Fail(start, "the query names two packages ('" + _result.Name + "' and '" + word + "')");
                    }

                    _result.Name = word;
                    return true;
                }

                int valueStart = _at;
                string? value = ReadValue();
                if (value is null)
                {
                    return false;
                }

                if (value.Length == 0)
                {
                    return Fail(valueStart, "'" + word + "=' must be followed by a value");
                }

                switch (word)
                {
                    case "target":
                        return Set(start, "target", _result.Target, () => _result.Target = value);
                    case "os":
                        return Set(start, "os", _result.Os, () => _result.Os = value);
                    case "platform":
                        return Set(start, "platform", _result.Platform, () => _result.Platform = value);
                    case "arch":
                        string[] parts = value.Split('-');
                        if (parts.Length < 3 || Array.IndexOf(parts, string.Empty) >= 0)
                        {
                            return Fail(valueStart, "arch must be platform-os-target, as in arch=linux-ubuntu24.04-aarch64");
                        }

                        return Set(start, "platform", _result.Platform, () => _result.Platform = parts[0])
                            && Set(start, "os", _result.Os, () => _result.Os = string.Join("-", parts, 1, parts.Length - 2))
                            && Set(start, "target", _result.Target, () => _result.Target = parts[parts.Length - 1]);
                }

                if (!exact && (value == "true" || value == "True" || value == "false" || value == "False"))
                {
                    _result.Variants.Add(new VariantPatternSyntax(word, value[0] == 't' || value[0] == 'T', Array.Empty<string>(), false));
                    return true;
                }

                string[] values = value.Split(',');
                if (Array.IndexOf(values, string.Empty) >= 0)
                {
                    return Fail(valueStart, "the value list of '" + word + "' has an empty item");
                }

                _result.Variants.Add(new VariantPatternSyntax(word, null, values, exact));
                return true;
            }

            /// <summary>A value up to the next space, or a quoted value (which may hold spaces); null on error.</summary>
            private string? ReadValue()
            {
                if (_at < _text.Length && (_text[_at] == '\'' || _text[_at] == '"'))
                {
                    char quote = _text[_at];
                    int open = _at;
                    int close = _text.IndexOf(quote, _at + 1);
                    if (close < 0)
                    {
                        Fail(open, "the quoted value is not closed");
                        return null;
                    }

                    _at = close + 1;
                    return _text.Substring(open + 1, close - open - 1);
                }

                return ReadWhile(c => !char.IsWhiteSpace(c) && c != '%' && c != '^' && c != '@' && c != '/' && c != '+' && c != '~');
            }

            private bool Set(int start, string what, string? current, Action set)
            {
                if (current is not null)
                {
                    return Fail(start, "the query gives " + what + " twice");
                }

                set();
                return true;
            }

            private string ReadWhile(Func<char, bool> accept)
            {
                int start = _at;
                while (_at < _text.Length && accept(_text[_at]))
                {
                    _at++;
                }

                return _text.Substring(start, _at - start);
            }

            private bool SkipSpaces()
            {
                int start = _at;
                while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
                {
                    _at++;
                }

                return _at > start;
            }

            private bool Fail(int position, string message)
            {
                Error = message;
                ErrorPosition = position;
                return false;
            }

            private static bool IsVersionChar(char c) => NameChars.IsNameChar(c) || c == ':' || c == ',' || c == '=';
        }
    }
}
