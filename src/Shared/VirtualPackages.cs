using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// The virtual packages of Spack's builtin repository (spack/spack-packages: the first argument of every
    /// <c>provides(...)</c>). A virtual has no binaries of its own: Spack answers a query for it with the packages that
    /// provide it (spec.py Spec._satisfies_node, Spec._provides_virtual), which needs the package repository; cache
    /// pages do not record it, so a query for a virtual is refused.
    /// </summary>
    internal static class VirtualPackages
    {
        private static readonly HashSet<string> Names = new HashSet<string>(StringComparer.Ordinal)
        {
            "armci", "awk", "blas", "c", "cxx", "daal", "elf", "fftw-api", "flame", "fortran", "fortran-rt", "fuse", "gl",
            "glu", "go-or-gccgo-bootstrap", "golang", "iconv", "ipp", "java", "jpeg", "lapack", "libc", "libgfortran",
            "libglx", "libifcore", "libllvm", "lua-lang", "luajit", "mariadb-client", "mkl", "mpe", "mpi", "mysql-client",
            "onedal", "opencl", "pbs", "pil", "pkgconfig", "qmake", "rpc", "scalapack", "sycl", "szip", "tbb", "unwind",
            "uuid", "wasi-sdk", "xkbdata-api", "xxd", "yacc", "ziglang", "zlib-api",
        };

        /// <summary>How many names the table holds.</summary>
        public static int Count => Names.Count;

        /// <summary>True when <paramref name="name"/> is a virtual package of the builtin repository.</summary>
        public static bool Contains(string name) => Names.Contains(name);
    }
}
