//! The choice source of the random-program generator ([`super::generator`]): a
//! byte string read front to back, one byte a choice.
//!
//! In: bytes (from proptest's `Vec<u8>` strategy, or a fuzzer's input).
//! Out: small numbers, flags, picks among options.
//!
//! Always: reading past the end gives 0, and the generator makes 0 the
//! simplest option at every choice (a leaf, the first constant, no extra
//! statement), so a shorter or smaller byte string gives a smaller program;
//! that is what makes proptest's shrinking (dropping bytes, lowering them)
//! and libFuzzer's mutations meaningful. Every byte string is a program.

#![allow(dead_code)]

pub struct Choices<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Choices<'a> {
    pub fn new(data: &'a [u8]) -> Choices<'a> {
        Choices { data, pos: 0 }
    }

    /// The next byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A number in `0..n` (`n` at most 256).
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!((1..=256).contains(&n));
        self.byte() as usize % n
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// `true` with probability `per256 / 256` (never for a 0 byte).
    pub fn chance(&mut self, per256: u16) -> bool {
        u16::from(self.byte()) >= 256 - per256.min(256)
    }

    /// A fair flag (`false` for a 0 byte).
    pub fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// One of `options`, the first for a 0 byte.
    pub fn pick<T: Copy>(&mut self, options: &[T]) -> T {
        options[self.below(options.len())]
    }

    /// Whether every byte has been read.
    pub fn exhausted(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        &self.data[self.pos.min(self.data.len())..]
    }
}
