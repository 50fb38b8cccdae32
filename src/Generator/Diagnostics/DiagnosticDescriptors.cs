using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SpecGen.Generator.Common;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>Every diagnostic SpecGen reports. IDs, titles and severities are part of the public contract.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string Category = "SpecGen";

        /// <summary>Each ID's help link is this address followed by the lower-case ID (an anchor of docs/diagnostics.md).</summary>
        public static readonly string HelpLinkBase = ThisAssembly.DiagnosticsDocs + "#";

        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            "SPG0000", "SpecGen could not process a page", "SpecGen could not process {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0000");

        public static readonly DiagnosticDescriptor NotAPage = new DiagnosticDescriptor(
            "SPG0001", "Not a cache page", "Not a cache page: {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0001");

        public static readonly DiagnosticDescriptor YamlSyntax = new DiagnosticDescriptor(
            "SPG0002", "YAML syntax error", "YAML syntax error: {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0002");

        public static readonly DiagnosticDescriptor MissingKey = new DiagnosticDescriptor(
            "SPG0003", "Required key missing", "Required key '{0}' is missing{1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0003");

        public static readonly DiagnosticDescriptor WrongShape = new DiagnosticDescriptor(
            "SPG0004", "Value has the wrong shape", "{0} must be {1}, not {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0004");

        public static readonly DiagnosticDescriptor UnknownKey = new DiagnosticDescriptor(
            "SPG0005", "Unknown key", "Unknown key '{0}'{1} is ignored",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0005");

        public static readonly DiagnosticDescriptor InvalidName = new DiagnosticDescriptor(
            "SPG0006", "Invalid name", "{0} '{1}' is not a valid name: {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0006");

        public static readonly DiagnosticDescriptor InvalidHash = new DiagnosticDescriptor(
            "SPG0007", "Invalid hash", "Hash '{0}' is not a Spack hash: {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0007");

        public static readonly DiagnosticDescriptor DuplicateHash = new DiagnosticDescriptor(
            "SPG0008", "Duplicate hash in a snapshot", "Hash '{0}' is listed more than once in snapshot '{1}'; also at {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0008");

        public static readonly DiagnosticDescriptor SpecCountMismatch = new DiagnosticDescriptor(
            "SPG0009", "Spec count disagrees", "meta.num_specs is {0} but spec_details lists {1} specs",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0009");

        public static readonly DiagnosticDescriptor StackCountMismatch = new DiagnosticDescriptor(
            "SPG0010", "Stack counts disagree", "meta.num_specs_by_stack disagrees with the specs: {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0010");

        public static readonly DiagnosticDescriptor MetaSetMismatch = new DiagnosticDescriptor(
            "SPG0011", "Meta set disagrees", "meta.{0} disagrees with the specs: {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0011");

        public static readonly DiagnosticDescriptor DuplicatePage = new DiagnosticDescriptor(
            "SPG0012", "Two pages for one package and snapshot", "Package '{0}' already has a page in snapshot '{1}', at {2}; this page is left out",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0012");

        public static readonly DiagnosticDescriptor UnexpectedLayout = new DiagnosticDescriptor(
            "SPG0013", "Unexpected layout or categories", "{0}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0013");

        public static readonly DiagnosticDescriptor OldFormat = new DiagnosticDescriptor(
            "SPG0014", "Old page format", "Old page format: '{0}' lists Spack spec strings and has no hashes, so this page cannot be part of a catalog; use the page of a snapshot (_cache/<tag>/<package>/specs.md)",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0014");

        public static readonly DiagnosticDescriptor ResourceLimit = new DiagnosticDescriptor(
            "SPG0015", "Resource limit", "Resource limit: {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0015");

        public static readonly DiagnosticDescriptor MalformedValue = new DiagnosticDescriptor(
            "SPG0016", "Malformed compiler, variant or version", "Malformed {0} '{1}': {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0016");

        public static readonly DiagnosticDescriptor IdentifierCollision = new DiagnosticDescriptor(
            "SPG0017", "Names map to the same identifier", "{0} '{1}' and '{2}' both map to the C# identifier '{3}'; '{2}' is named '{4}'",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0017");

        public static readonly DiagnosticDescriptor InvalidSizeOrTarball = new DiagnosticDescriptor(
            "SPG0018", "Invalid size or tarball", "{0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0018");

        public static readonly DiagnosticDescriptor DuplicateKey = new DiagnosticDescriptor(
            "SPG0019", "Duplicate key", "Key '{0}' appears more than once{1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0019");

        public static readonly DiagnosticDescriptor InvalidSetting = new DiagnosticDescriptor(
            "SPG0020", "Invalid SpecGen setting", "The MSBuild property {0} is '{1}': {2}; until it is fixed, the catalog is generated with {3} in its place",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0020");

        public static readonly DiagnosticDescriptor QueryNeverMatches = new DiagnosticDescriptor(
            "SPG0021", "Query never matches", "{0} '{1}' is not in the catalog {2}, so this never matches anything{3}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0021");

        public static readonly DiagnosticDescriptor HashNeverMatches = new DiagnosticDescriptor(
            "SPG0022", "Hash finds nothing", "The hash '{1}' {2} in the catalog {0}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0022");

        public static readonly DiagnosticDescriptor MalformedQuery = new DiagnosticDescriptor(
            "SPG0023", "Malformed query", "This query throws FormatException when it runs: {0}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0023");

        public static readonly DiagnosticDescriptor UnknownTarget = new DiagnosticDescriptor(
            "SPG0024", "Target unknown to archspec", "Target '{0}' is not a microarchitecture archspec knows: the specs stay in the catalog, but no target range and no RunnableOn selects them",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0024");

        public static readonly DiagnosticDescriptor PageLeftOut = new DiagnosticDescriptor(
            "SPG0025", "Page left out of the catalog", "This page cannot be read, so it is left out of the catalog: {0}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0025");

        public static readonly DiagnosticDescriptor LockNodeNotCached = new DiagnosticDescriptor(
            "SPG0026", "Lockfile node not in the catalog", "{0} is not in the catalog, so it builds from source: {1}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0026");

        public static readonly DiagnosticDescriptor LockfileUnreadable = new DiagnosticDescriptor(
            "SPG0027", "Lockfile cannot be read", "This lockfile cannot be read: {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0027");

        public static readonly DiagnosticDescriptor LockNodeEdited = new DiagnosticDescriptor(
            "SPG0028", "Lockfile node does not match its hash", "{0} does not hash to its key {1}: its content was edited after Spack wrote it, or Spack reused it from an older install that hashed it another way",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0028");

        public static readonly DiagnosticDescriptor MisplacedPage = new DiagnosticDescriptor(
            "SPG0029", "Page in another package's or tag's folder", "{0}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "spg0029");

        public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
        {
            InternalError, NotAPage, YamlSyntax, MissingKey, WrongShape, UnknownKey, InvalidName, InvalidHash,
            DuplicateHash, SpecCountMismatch, StackCountMismatch, MetaSetMismatch, DuplicatePage, UnexpectedLayout,
            OldFormat, ResourceLimit, MalformedValue, IdentifierCollision, InvalidSizeOrTarball, DuplicateKey,
            InvalidSetting, QueryNeverMatches, HashNeverMatches, MalformedQuery, UnknownTarget, PageLeftOut,
            LockNodeNotCached, LockfileUnreadable, LockNodeEdited, MisplacedPage,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> Index = BuildIndex();

        public static DiagnosticDescriptor ById(string id)
        {
            return Index.TryGetValue(id, out DiagnosticDescriptor? descriptor)
                ? descriptor
                : throw new ArgumentException("Unknown diagnostic ID " + id, nameof(id));
        }

        private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
        {
            var index = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (DiagnosticDescriptor descriptor in All)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }
    }
}
