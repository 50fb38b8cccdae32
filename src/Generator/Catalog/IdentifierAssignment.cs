namespace SpecGen.Generator.Catalog
{
    /// <summary>The identifier given to a name, and the name (or reserved word) it collided with.</summary>
    internal readonly struct IdentifierAssignment
    {
        public IdentifierAssignment(string name, string identifier, string? collidedWith, string wanted)
        {
            Name = name;
            Identifier = identifier;
            CollidedWith = collidedWith;
            Wanted = wanted;
        }

        public string Name { get; }

        public string Identifier { get; }

        /// <summary>The name that kept <see cref="Wanted"/>, or the enclosing class name; null without a collision.</summary>
        public string? CollidedWith { get; }

        public string Wanted { get; }
    }
}
