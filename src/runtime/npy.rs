//! Reading and writing numpy `.npy` files.
//!
//! In: the bytes of a `.npy` file (versions 1.0, 2.0, 3.0), from a path or
//! memory. Out: a [`Tensor`], or an [`NpyError`] whose message says what is
//! wrong and what to do, prefixed with the file name when reading a path.
//! Writing produces version 1.0 (2.0 for huge headers), C order, native
//! little-endian `<f8`/`<f4` on the usual targets, 0-d for scalars.
//!
//! Element types read: `f8` and `f4` in either byte order (`<` and `>`)
//! become [`Tensor::F64`] and [`Tensor::F32`]; integer arrays (`i1`..`i8`,
//! `u1`..`u8`, either byte order) and `bool` (`|b1`) are converted to
//! [`Tensor::F64`], since numpy users often save `np.arange(...)`; 64-bit
//! integers beyond 2^53 round to the nearest `f64`. Everything else (float16,
//! long double, complex, strings, objects, datetimes, structured dtypes) is an
//! error suggesting `array.astype(numpy.float64)`.
//!
//! Always: nothing here panics on any input; the header is validated and the
//! data length computed with checked arithmetic and compared with the bytes
//! actually present *before* any element buffer is allocated, so a lying
//! header cannot trigger a huge allocation; headers nesting brackets more
//! than 8 deep are refused before parsing (the header parser is exponential
//! in nesting depth); the data must fill the file exactly; tensors returned
//! are in standard (C) memory layout, whatever the file's `fortran_order`.

use std::error::Error;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use ndarray::ArrayD;
use ndarray_npy::npy::header::{Header, ParseHeaderError, ReadHeaderError};
use ndarray_npy::{ReadNpyExt, ReadableElement, WriteNpyExt};

use super::values::Tensor;

/// The first six bytes of every `.npy` file.
const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// How much of a malformed header is quoted in error messages.
const HEADER_QUOTE_LIMIT: usize = 160;

/// Deeper bracket nesting in a header is refused (numpy writes at most 4,
/// for structured dtypes with subarrays).
const MAX_HEADER_NESTING: usize = 8;

/// The advice appended to most read errors.
const RESAVE: &str = "re-save it with numpy.save";

/// An error reading or writing a `.npy` file.
#[derive(Debug)]
pub struct NpyError {
    /// The file involved, when the operation was given a path.
    pub path: Option<PathBuf>,
    /// What went wrong.
    pub kind: NpyErrorKind,
}

/// What went wrong with a `.npy` file.
#[derive(Debug)]
#[non_exhaustive]
pub enum NpyErrorKind {
    /// The path does not exist.
    NotFound,
    /// The path is a directory.
    IsDirectory,
    /// Reading failed for another operating-system reason.
    Read(io::Error),
    /// Writing failed.
    Write(io::Error),
    /// The file has no bytes at all.
    Empty,
    /// The file does not start with the `.npy` magic bytes; holds its first
    /// few bytes.
    NotNpy { start: Vec<u8> },
    /// The file is a zip archive (likely `.npz`).
    Npz,
    /// The file ends early; says where and what was expected.
    Truncated { detail: String },
    /// The format version bytes are not 1.0, 2.0 or 3.0.
    UnsupportedVersion { major: u8, minor: u8 },
    /// The header dictionary is malformed.
    BadHeader { reason: String, header: String },
    /// The element type is not one ricci reads.
    UnsupportedDtype { descr: String, meaning: String },
    /// The header's shape describes more data than can exist.
    ShapeTooLarge { shape: Vec<usize> },
    /// Bytes are left over after the data the header promises.
    ExtraBytes {
        values: usize,
        elem: &'static str,
        expected: usize,
        found: usize,
    },
    /// The data bytes are invalid for the element type (e.g. a bool byte
    /// other than 0 or 1).
    BadData { reason: String },
    /// The header could not be formatted while writing.
    Format { reason: String },
}

impl NpyError {
    fn new(kind: NpyErrorKind) -> NpyError {
        NpyError { path: None, kind }
    }

    fn at(mut self, path: &Path) -> NpyError {
        self.path = Some(path.to_path_buf());
        self
    }
}

impl fmt::Display for NpyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{}: ", p.display())?;
        }
        use NpyErrorKind::*;
        match &self.kind {
            NotFound => write!(f, "no such file; check the path"),
            IsDirectory => write!(
                f,
                "is a directory, not a .npy file; name a file written by numpy.save"
            ),
            Read(e) => write!(f, "cannot read the file: {e}"),
            Write(e) => write!(
                f,
                "cannot write the file: {e}; check that the directory exists and is writable"
            ),
            Empty => write!(
                f,
                "file is empty (0 bytes), not a .npy file; save the array with numpy.save"
            ),
            NotNpy { start } => write!(
                f,
                "not a .npy file: it starts with \"{}\" instead of the magic bytes \"\\x93NUMPY\"; \
                 save the array with numpy.save (text, .npz and pickle files are not read)",
                start.escape_ascii()
            ),
            Npz => write!(
                f,
                "this is a zip archive (.npz, from numpy.savez), not a .npy file; \
                 save a single array with numpy.save(path, numpy.load(npz_path)[name])"
            ),
            Truncated { detail } => write!(f, "file is truncated: {detail}; {RESAVE}"),
            UnsupportedVersion { major, minor } => write!(
                f,
                "unsupported .npy format version {major}.{minor} (ricci reads 1.0, 2.0 and 3.0); \
                 the file may be corrupt; {RESAVE}"
            ),
            BadHeader { reason, header } => write!(
                f,
                "malformed .npy header: {reason}; header text: {header:?}; {RESAVE}"
            ),
            UnsupportedDtype { descr, meaning } => write!(
                f,
                "unsupported element type {descr} ({meaning}); ricci reads float64 and float32 \
                 arrays (integer and bool arrays are converted to float64); convert it with \
                 numpy.save(path, array.astype(numpy.float64))"
            ),
            ShapeTooLarge { shape } => write!(
                f,
                "header shape {} describes an impossibly large array; the file is corrupt; {RESAVE}",
                py_shape(shape)
            ),
            ExtraBytes {
                values,
                elem,
                expected,
                found,
            } => write!(
                f,
                "file has {} bytes after the end of the data: header promises {} ({expected} bytes), \
                 found {found} bytes; the header may be wrong or something was appended; {RESAVE}",
                found.saturating_sub(*expected),
                count_values(*values, elem)
            ),
            BadData { reason } => write!(f, "invalid data: {reason}; {RESAVE}"),
            Format { reason } => write!(f, "cannot format the .npy header: {reason}"),
        }
    }
}

impl Error for NpyError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.kind {
            NpyErrorKind::Read(e) | NpyErrorKind::Write(e) => Some(e),
            _ => None,
        }
    }
}

/// `(2, 3)`, `(5,)`, `()` as numpy writes shapes.
fn py_shape(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// `1 f64 value`, `6 f64 values`.
fn count_values(n: usize, elem: &str) -> String {
    if n == 1 {
        format!("1 {elem} value")
    } else {
        format!("{n} {elem} values")
    }
}

/// The element types that can be read, with their size in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Elem {
    F64,
    F32,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    Bool,
}

impl Elem {
    fn size(self) -> usize {
        match self {
            Elem::F64 | Elem::I64 | Elem::U64 => 8,
            Elem::F32 | Elem::I32 | Elem::U32 => 4,
            Elem::I16 | Elem::U16 => 2,
            Elem::I8 | Elem::U8 | Elem::Bool => 1,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Elem::F64 => "f64",
            Elem::F32 => "f32",
            Elem::I8 => "i8",
            Elem::I16 => "i16",
            Elem::I32 => "i32",
            Elem::I64 => "i64",
            Elem::U8 => "u8",
            Elem::U16 => "u16",
            Elem::U32 => "u32",
            Elem::U64 => "u64",
            Elem::Bool => "bool",
        }
    }
}

/// Classifies a type descriptor string. The accepted spellings are exactly
/// those ndarray-npy reads.
fn classify(descr: &str) -> Result<Elem, String> {
    let elem = match descr {
        "<f8" | ">f8" => Elem::F64,
        "<f4" | ">f4" => Elem::F32,
        "|i1" | "i1" | "b" => Elem::I8,
        "<i2" | ">i2" => Elem::I16,
        "<i4" | ">i4" => Elem::I32,
        "<i8" | ">i8" => Elem::I64,
        "|u1" | "u1" | "B" => Elem::U8,
        "<u2" | ">u2" => Elem::U16,
        "<u4" | ">u4" => Elem::U32,
        "<u8" | ">u8" => Elem::U64,
        "|b1" => Elem::Bool,
        _ => return Err(describe_dtype(descr)),
    };
    Ok(elem)
}

/// A human name for a numpy type descriptor ricci does not read.
fn describe_dtype(descr: &str) -> String {
    let body = descr.trim_start_matches(['<', '>', '|', '=']);
    let mut chars = body.chars();
    let kind = chars.next();
    let size: Option<usize> = chars.as_str().parse().ok();
    let bits = size.map(|s| s.saturating_mul(8));
    match (kind, bits) {
        (Some('f'), Some(16)) => "float16".to_string(),
        (Some('f'), Some(b)) if b > 64 => format!("float{b}, extended precision"),
        (Some('c'), Some(b)) => format!("complex{b}"),
        (Some('c'), None) => "complex".to_string(),
        (Some('O'), _) => "Python objects".to_string(),
        (Some('U'), _) => "unicode strings".to_string(),
        (Some('S' | 'a'), _) => "byte strings".to_string(),
        (Some('V'), _) => "raw void records".to_string(),
        (Some('M'), _) => "datetimes".to_string(),
        (Some('m'), _) => "timedeltas".to_string(),
        (Some('b'), _) if descr.starts_with(['<', '>']) => {
            "bool in an unusual encoding".to_string()
        }
        _ => "not a supported numpy type".to_string(),
    }
}

/// Reads a `.npy` file into a tensor. Errors name the file.
pub fn read_npy(path: &Path) -> Result<Tensor, NpyError> {
    let bytes = read_file(path).map_err(|e| e.at(path))?;
    read_npy_bytes(&bytes).map_err(|e| e.at(path))
}

fn read_file(path: &Path) -> Result<Vec<u8>, NpyError> {
    let classify_io = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => NpyError::new(NpyErrorKind::NotFound),
        io::ErrorKind::IsADirectory => NpyError::new(NpyErrorKind::IsDirectory),
        _ => NpyError::new(NpyErrorKind::Read(e)),
    };
    let meta = std::fs::metadata(path).map_err(classify_io)?;
    if meta.is_dir() {
        return Err(NpyError::new(NpyErrorKind::IsDirectory));
    }
    std::fs::read(path).map_err(classify_io)
}

/// Reads the bytes of a `.npy` file into a tensor.
pub fn read_npy_bytes(bytes: &[u8]) -> Result<Tensor, NpyError> {
    let err = |kind| Err(NpyError::new(kind));
    let truncated = |detail: String| Err(NpyError::new(NpyErrorKind::Truncated { detail }));

    // Magic string.
    if bytes.is_empty() {
        return err(NpyErrorKind::Empty);
    }
    let n = bytes.len().min(MAGIC.len());
    if bytes[..n] != MAGIC[..n] {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            return err(NpyErrorKind::Npz);
        }
        let start = bytes[..bytes.len().min(8)].to_vec();
        return err(NpyErrorKind::NotNpy { start });
    }
    if bytes.len() < MAGIC.len() {
        return truncated(format!(
            "it ends inside the .npy magic string ({} of 6 bytes)",
            bytes.len()
        ));
    }

    // Version and header length.
    let (Some(&major), Some(&minor)) = (bytes.get(6), bytes.get(7)) else {
        return truncated(format!(
            "it ends inside the format version ({} bytes in all)",
            bytes.len()
        ));
    };
    let len_bytes = match (major, minor) {
        (1, 0) => 2,
        (2, 0) | (3, 0) => 4,
        _ => return err(NpyErrorKind::UnsupportedVersion { major, minor }),
    };
    let prefix = 8 + len_bytes;
    let Some(len_field) = bytes.get(8..prefix) else {
        return truncated(format!(
            "it ends inside the header length field ({} bytes in all)",
            bytes.len()
        ));
    };
    let header_len = len_field
        .iter()
        .rev()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    let available = bytes.len() - prefix;
    if header_len > available {
        return truncated(format!(
            "header length field promises a {header_len}-byte header, found {available} bytes"
        ));
    }
    let header_end = prefix + header_len;

    // Header dictionary (ndarray-npy parses it; it cannot over-allocate now,
    // since the header bytes are known to be present). Its parser takes time
    // exponential in the bracket nesting depth, so deep nesting, which numpy
    // never writes, is refused first.
    let header_bytes = &bytes[prefix..header_end];
    if nesting_depth(header_bytes) > MAX_HEADER_NESTING {
        return err(NpyErrorKind::BadHeader {
            reason: format!("brackets are nested more than {MAX_HEADER_NESTING} deep"),
            header: quote_header(header_bytes),
        });
    }
    let header = match Header::from_reader(&mut &bytes[..header_end]) {
        Ok(h) => h,
        Err(e) => {
            return err(NpyErrorKind::BadHeader {
                reason: header_reason(&e),
                header: quote_header(header_bytes),
            });
        }
    };

    // Element type.
    let elem = match header.type_descriptor.as_string() {
        Some(s) => classify(s).map_err(|meaning| {
            NpyError::new(NpyErrorKind::UnsupportedDtype {
                descr: format!("'{s}'"),
                meaning,
            })
        })?,
        None => {
            return err(NpyErrorKind::UnsupportedDtype {
                descr: header.type_descriptor.to_string(),
                meaning: "a structured record type".to_string(),
            });
        }
    };

    // Data length, with checked arithmetic; ndarray also requires the
    // product of the nonzero extents to fit in isize.
    let too_large = || {
        NpyError::new(NpyErrorKind::ShapeTooLarge {
            shape: header.shape.clone(),
        })
    };
    let nonzero_product = header
        .shape
        .iter()
        .filter(|&&d| d != 0)
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .filter(|&p| p <= isize::MAX as usize)
        .ok_or_else(too_large)?;
    let values = if header.shape.contains(&0) {
        0
    } else {
        nonzero_product
    };
    let expected = values
        .checked_mul(elem.size())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(too_large)?;
    let found = bytes.len() - header_end;
    if found < expected {
        return truncated(format!(
            "header promises {} ({expected} bytes), found {found} bytes",
            count_values(values, elem.name())
        ));
    }
    if found > expected {
        return err(NpyErrorKind::ExtraBytes {
            values,
            elem: elem.name(),
            expected,
            found,
        });
    }

    // Data: the lengths are now known to be right.
    Ok(match elem {
        Elem::F64 => Tensor::F64(standard(read_array::<f64>(bytes)?)),
        Elem::F32 => Tensor::F32(standard(read_array::<f32>(bytes)?)),
        Elem::I8 => widen(read_array::<i8>(bytes)?, f64::from),
        Elem::I16 => widen(read_array::<i16>(bytes)?, f64::from),
        Elem::I32 => widen(read_array::<i32>(bytes)?, f64::from),
        // Documented rounding beyond 2^53.
        Elem::I64 => widen(read_array::<i64>(bytes)?, |x| x as f64),
        Elem::U8 => widen(read_array::<u8>(bytes)?, f64::from),
        Elem::U16 => widen(read_array::<u16>(bytes)?, f64::from),
        Elem::U32 => widen(read_array::<u32>(bytes)?, f64::from),
        Elem::U64 => widen(read_array::<u64>(bytes)?, |x| x as f64),
        Elem::Bool => widen(read_array::<bool>(bytes)?, |b| if b { 1.0 } else { 0.0 }),
    })
}

/// Converts an integer or bool array to an `f64` tensor in C layout.
fn widen<T: Copy>(a: ArrayD<T>, f: impl Fn(T) -> f64) -> Tensor {
    // `mapv` keeps the memory order; `standard` then makes it C order.
    Tensor::F64(standard(a.mapv(f)))
}

/// The array in standard (C) memory layout.
fn standard<T: Clone>(a: ArrayD<T>) -> ArrayD<T> {
    if a.is_standard_layout() {
        a
    } else {
        a.as_standard_layout().into_owned()
    }
}

fn read_array<T: ReadableElement>(bytes: &[u8]) -> Result<ArrayD<T>, NpyError> {
    ArrayD::<T>::read_npy(bytes).map_err(|e| {
        NpyError::new(NpyErrorKind::BadData {
            reason: e.to_string(),
        })
    })
}

/// The deepest nesting of `(`, `[`, `{`. Quotes are deliberately ignored:
/// every header ricci accepts has no brackets inside strings, and counting
/// them all cannot be fooled by quoting tricks.
fn nesting_depth(text: &[u8]) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for &c in text {
        match c {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn header_reason(e: &ReadHeaderError) -> String {
    use ParseHeaderError::*;
    match e {
        ReadHeaderError::Io(e) => e.to_string(),
        ReadHeaderError::Parse(p) => match p {
            MissingNewline => "it does not end with a newline".to_string(),
            NonAscii => "it contains non-ASCII bytes (not allowed before version 3.0)".to_string(),
            Utf8Parse(_) => "it is not valid UTF-8".to_string(),
            UnknownKey(k) => format!("unexpected key {k}"),
            MissingKey(k) => {
                // ndarray-npy 0.10 misspells "shape" in this error.
                let k = if k == "shaper" { "shape" } else { k.as_str() };
                format!("missing key '{k}'")
            }
            IllegalValue { key, value } => format!("illegal value {value} for '{key}'"),
            DictParse(_) => "it is not a Python dict literal".to_string(),
            MetaNotDict(v) => format!("it is {v}, not a dict"),
            other => other.to_string(),
        },
    }
}

fn quote_header(header: &[u8]) -> String {
    let text = String::from_utf8_lossy(header);
    let text = text.trim_end();
    if text.chars().count() > HEADER_QUOTE_LIMIT {
        let mut t: String = text.chars().take(HEADER_QUOTE_LIMIT).collect();
        t.push_str("...");
        t
    } else {
        text.to_string()
    }
}

/// Writes a tensor as a `.npy` file (C order; 0-d for scalars).
pub fn write_npy(path: &Path, t: &Tensor) -> Result<(), NpyError> {
    let bytes = write_npy_bytes(t).map_err(|e| e.at(path))?;
    std::fs::write(path, bytes).map_err(|e| NpyError::new(NpyErrorKind::Write(e)).at(path))
}

/// The bytes of a `.npy` file holding the tensor (C order; 0-d for scalars).
pub fn write_npy_bytes(t: &Tensor) -> Result<Vec<u8>, NpyError> {
    let mut out = Vec::new();
    let result = match t {
        Tensor::F64(a) => a.as_standard_layout().write_npy(&mut out),
        Tensor::F32(a) => a.as_standard_layout().write_npy(&mut out),
    };
    result.map_err(|e| match e {
        ndarray_npy::WriteNpyError::Io(e) => NpyError::new(NpyErrorKind::Write(e)),
        other => NpyError::new(NpyErrorKind::Format {
            reason: other.to_string(),
        }),
    })?;
    Ok(out)
}

#[cfg(test)]
#[path = "npy_tests.rs"]
mod tests;
