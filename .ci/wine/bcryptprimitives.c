/* For Wine only, never shipped: Rust's standard library takes random bytes from
 * bcryptprimitives.dll's ProcessPrng (Windows 10 and later have it; Debian 12's Wine 8 does
 * not, and qarar.exe then stops with "Library bcryptprimitives.dll ... not found").
 * This stub gives ProcessPrng over advapi32's RtlGenRandom (SystemFunction036), which Wine has.
 * Built by .ci/windows-check with x86_64-w64-mingw32-gcc and put beside the exe under test. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
