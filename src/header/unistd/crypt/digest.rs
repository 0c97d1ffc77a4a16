//! The hash functions password hashing needs: MD5 (RFC 1321), SHA-256 and
//! SHA-512 (FIPS 180-4). Not for anything else: the library offers no
//! general hashing API.

/// A hash function, fed in pieces.
pub trait Digest: Sized {
    type Out: AsRef<[u8]> + Copy;
    fn new() -> Self;
    fn update(&mut self, data: &[u8]);
    fn finish(self) -> Self::Out;

    /// The hash of the concatenation of `parts`.
    fn of(parts: &[&[u8]]) -> Self::Out {
        let mut h = Self::new();
        for p in parts {
            h.update(p);
        }
        h.finish()
    }
}

/// Collects input into blocks of `B` bytes and counts it.
struct Blocks<const B: usize> {
    buf: [u8; B],
    len: usize,
    total: u128,
}

impl<const B: usize> Blocks<B> {
    const fn new() -> Self {
        Blocks { buf: [0; B], len: 0, total: 0 }
    }

    fn update(&mut self, mut data: &[u8], mut compress: impl FnMut(&[u8; B])) {
        self.total += data.len() as u128;
        while !data.is_empty() {
            let n = (B - self.len).min(data.len());
            self.buf[self.len..self.len + n].copy_from_slice(&data[..n]);
            self.len += n;
            data = &data[n..];
            if self.len == B {
                compress(&self.buf);
                self.len = 0;
            }
        }
    }

    /// Pads with 0x80, zeros and the bit length (`len_bytes` wide, big or
    /// little endian) and compresses the last block(s).
    fn pad(&mut self, len_bytes: usize, big_endian: bool, mut compress: impl FnMut(&[u8; B])) {
        let bits = self.total * 8;
        let mut tail = [0u8; 16];
        if big_endian {
            tail = bits.to_be_bytes();
        } else {
            tail[..8].copy_from_slice(&(bits as u64).to_le_bytes());
        }
        let tail = if big_endian { &tail[16 - len_bytes..] } else { &tail[..len_bytes] };
        self.buf[self.len] = 0x80;
        self.len += 1;
        if self.len > B - len_bytes {
            self.buf[self.len..].fill(0);
            compress(&self.buf);
            self.len = 0;
        }
        self.buf[self.len..B - len_bytes].fill(0);
        self.buf[B - len_bytes..].copy_from_slice(tail);
        compress(&self.buf);
    }
}

pub struct Md5 {
    state: [u32; 4],
    blocks: Blocks<64>,
}

const MD5_SHIFT: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/// floor(abs(sin(i + 1)) * 2^32), RFC 1321's table.
const MD5_K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8,
    0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
    0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87,
    0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
    0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
    0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
    0xeb86d391,
];

fn md5_compress(state: &mut [u32; 4], block: &[u8; 64]) {
    let m: [u32; 16] = core::array::from_fn(|i| u32::from_le_bytes(block[4 * i..4 * i + 4].try_into().unwrap()));
    let [mut a, mut b, mut c, mut d] = *state;
    for i in 0..64 {
        let (f, g) = match i / 16 {
            0 => ((b & c) | (!b & d), i),
            1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
            2 => (b ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (b | !d), (7 * i) % 16),
        };
        let rotated = a.wrapping_add(f).wrapping_add(MD5_K[i]).wrapping_add(m[g]).rotate_left(MD5_SHIFT[(i / 16) * 4 + i % 4]);
        a = d;
        d = c;
        c = b;
        b = b.wrapping_add(rotated);
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d]) {
        *s = s.wrapping_add(v);
    }
}

impl Digest for Md5 {
    type Out = [u8; 16];

    fn new() -> Self {
        Md5 { state: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476], blocks: Blocks::new() }
    }

    fn update(&mut self, data: &[u8]) {
        let state = &mut self.state;
        self.blocks.update(data, |b| md5_compress(state, b));
    }

    fn finish(mut self) -> [u8; 16] {
        let state = &mut self.state;
        self.blocks.pad(8, false, |b| md5_compress(state, b));
        let mut out = [0; 16];
        for (o, s) in out.chunks_mut(4).zip(self.state) {
            o.copy_from_slice(&s.to_le_bytes());
        }
        out
    }
}

/// The first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes (FIPS 180-4, 4.2.2).
const SHA256_K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

/// The first 64 bits of the fractional parts of the cube roots of the
/// first 80 primes (FIPS 180-4, 4.2.3).
const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

/// SHA-256 and SHA-512 differ only in word size, round count, constants
/// and rotation amounts: `sigma` are the message schedule's (two
/// rotations and a shift each), `big_sigma` the compression's.
macro_rules! sha2 {
    ($name:ident, $word:ty, $block:literal, $rounds:literal, $k:ident, $len_bytes:literal,
     sigma: [$a0:literal, $a1:literal, $a2:literal, $b0:literal, $b1:literal, $b2:literal],
     big_sigma: [$c0:literal, $c1:literal, $c2:literal, $d0:literal, $d1:literal, $d2:literal],
     init: $init:expr) => {
        pub struct $name {
            state: [$word; 8],
            blocks: Blocks<$block>,
        }

        impl $name {
            fn compress(state: &mut [$word; 8], block: &[u8; $block]) {
                const W: usize = core::mem::size_of::<$word>();
                let mut w = [0 as $word; $rounds];
                for i in 0..16 {
                    w[i] = <$word>::from_be_bytes(block[W * i..W * i + W].try_into().unwrap());
                }
                for i in 16..$rounds {
                    let s0 = w[i - 15].rotate_right($a0) ^ w[i - 15].rotate_right($a1) ^ (w[i - 15] >> $a2);
                    let s1 = w[i - 2].rotate_right($b0) ^ w[i - 2].rotate_right($b1) ^ (w[i - 2] >> $b2);
                    w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
                }
                let mut v = *state;
                for i in 0..$rounds {
                    let [a, b, c, d, e, f, g, h] = v;
                    let t1 = h
                        .wrapping_add(e.rotate_right($d0) ^ e.rotate_right($d1) ^ e.rotate_right($d2))
                        .wrapping_add((e & f) ^ (!e & g))
                        .wrapping_add($k[i])
                        .wrapping_add(w[i]);
                    let t2 = (a.rotate_right($c0) ^ a.rotate_right($c1) ^ a.rotate_right($c2))
                        .wrapping_add((a & b) ^ (a & c) ^ (b & c));
                    v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
                }
                for (s, x) in state.iter_mut().zip(v) {
                    *s = s.wrapping_add(x);
                }
            }
        }

        impl Digest for $name {
            type Out = [u8; 8 * core::mem::size_of::<$word>()];

            fn new() -> Self {
                $name { state: $init, blocks: Blocks::new() }
            }

            fn update(&mut self, data: &[u8]) {
                let state = &mut self.state;
                self.blocks.update(data, |b| Self::compress(state, b));
            }

            fn finish(mut self) -> Self::Out {
                let state = &mut self.state;
                self.blocks.pad($len_bytes, true, |b| Self::compress(state, b));
                let mut out = [0; 8 * core::mem::size_of::<$word>()];
                for (o, s) in out.chunks_mut(core::mem::size_of::<$word>()).zip(self.state) {
                    o.copy_from_slice(&s.to_be_bytes());
                }
                out
            }
        }
    };
}

sha2!(Sha256, u32, 64, 64, SHA256_K, 8,
    sigma: [7, 18, 3, 17, 19, 10],
    big_sigma: [2, 13, 22, 6, 11, 25],
    init: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

sha2!(Sha512, u64, 128, 80, SHA512_K, 16,
    sigma: [1, 8, 7, 19, 61, 6],
    big_sigma: [28, 34, 39, 14, 18, 41],
    init: [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ]);

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        assert_eq!(hex(&Md5::of(&[b"abc"])), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex(&Md5::of(&[b""])), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex(&Sha256::of(&[b"abc"])), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            hex(&Sha512::of(&[b"ab", b"c"])),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
    }

    #[test]
    fn padding_across_block_boundaries() {
        // 56 and 112 bytes leave no room for the length in the last block.
        let m = [b'a'; 1000];
        assert_eq!(hex(&Sha256::of(&[&m[..56]])), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
        assert_eq!(hex(&Md5::of(&[&m[..56]])), "3b0c8ac703f828b04c6c197006d17218");
        assert_eq!(
            hex(&Sha512::of(&[&m[..112]])),
            "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca"
        );
    }
}
