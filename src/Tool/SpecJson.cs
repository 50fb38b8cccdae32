using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpecGen.Tool
{
    /// <summary>
    /// JSON lines: one object per line, UTF-8, no escaping beyond what JSON needs. <see cref="Of"/> writes a spec
    /// with exactly the page's keys and values (<c>package</c>, <c>tag</c>, <c>hash</c>, <c>compiler</c>, <c>os</c>,
    /// <c>platform</c>, <c>target</c>, <c>stacks</c>, <c>variants</c>, <c>versions</c>, <c>size</c>, <c>tarball</c>):
    /// the format of <c>specgen list --json</c> and of the CacheQuery sample, which compiles this file.
    /// </summary>
    internal static class SpecJson
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>One buffer and writer per thread, reused line after line.</summary>
        [ThreadStatic]
        private static ArrayBufferWriter<byte>? s_buffer;

        [ThreadStatic]
        private static Utf8JsonWriter? s_writer;

        /// <summary>One object, written by <paramref name="write"/> between its braces, as a line of text.</summary>
        public static string Line(Action<Utf8JsonWriter> write)
        {
            ArrayBufferWriter<byte> buffer = s_buffer ??= new ArrayBufferWriter<byte>(1024);
            buffer.Clear();
            Utf8JsonWriter writer = s_writer ??= new Utf8JsonWriter(buffer, Options);
            writer.Reset(buffer);
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>One spec with the page's keys and values.</summary>
        public static string Of(Spec spec) => Line(writer => WriteSpec(writer, spec));

        private static void WriteSpec(Utf8JsonWriter writer, Spec spec)
        {
            writer.WriteString("package", spec.Package);
            writer.WriteString("tag", spec.Tag);
            writer.WriteString("hash", spec.Hash);
            writer.WriteString("compiler", spec.Compiler.Text);
            writer.WriteString("os", spec.Os);
            writer.WriteString("platform", spec.Platform);
            writer.WriteString("target", spec.Target);
            writer.WriteStartArray("stacks");
            foreach (string stack in spec.Stacks)
            {
                writer.WriteStringValue(stack);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("variants");
            foreach (Variant variant in spec.Variants)
            {
                writer.WriteStringValue(variant.Text);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("versions");
            writer.WriteStringValue(spec.Version.ToString());
            writer.WriteEndArray();
            if (spec.SizeWrittenAsNumber)
            {
                writer.WritePropertyName("size");
                writer.WriteRawValue(spec.SizeText);
            }
            else
            {
                writer.WriteString("size", spec.SizeText);
            }

            if (spec.Tarball is string tarball)
            {
                writer.WriteString("tarball", tarball);
            }
            else
            {
                writer.WriteNull("tarball");
            }
        }
    }
}
