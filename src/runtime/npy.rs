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
//! header cannot trigger a huge allocation; a file is read only as far as its
//! header declares (one byte more, to report extra bytes), only if it is a
//! regular file or a pipe, and only if the file and its array fit in the
//! memory limit ([`crate::limits`]); element buffers are allocated fallibly; headers nesting brackets more
//! than 8 deep are refused before parsing (the header parser is exponential
//! in nesting depth); the data must fill the file exactly; tensors returned
//! are in standard (C) memory layout, whatever the file's `fortran_order`.

use std::error::Error;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use ndarray::{ArrayD, IxDyn, ShapeBuilder};
use ndarray_npy::WriteNpyExt;
use ndarray_npy::npy::header::{Header, ParseHeaderError, ReadHeaderError};

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
    /// The path is a device, socket or other file that is not data on disk
    /// (`/dev/zero`); regular files and pipes are read.
    NotRegular,
    /// The file and the array it holds would take more than the limit.
    TooLarge { bytes: u128, limit: u64 },
    /// The system refused the memory for the array.
    OutOfMemory { bytes: u128 },
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
            NotRegular => write!(
                f,
                "is not a regular file or a pipe (a device such as /dev/zero?); name a file \
                 written by numpy.save"
            ),
            TooLarge { bytes, limit } => write!(
                f,
                "reading it would take {} (the file and its array), more than the limit of {}; \
                 raise the limit with --max-memory SIZE or {}=SIZE",
                crate::limits::show_bytes(*bytes),
                crate::limits::show_bytes(u128::from(*limit)),
                crate::limits::MEMORY_VAR
            ),
            OutOfMemory { bytes } => write!(
                f,
                "out of memory: the system refused {} for its array",
                crate::limits::show_bytes(*bytes)
            ),
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

/// Reads a `.npy` file into a tensor, under the process's memory limit
/// ([`crate::limits::current`]). Errors name the file.
pub fn read_npy(path: &Path) -> Result<Tensor, NpyError> {
    read_npy_limited(path, crate::limits::current().max_bytes)
}

/// Reads a `.npy` file into a tensor if the file and its array take at most
/// `max_bytes` together. Reads only the bytes its header declares (and one
/// more, to report extra bytes); refuses devices. Errors name the file.
pub fn read_npy_limited(path: &Path, max_bytes: u64) -> Result<Tensor, NpyError> {
    let bytes = read_file(path, max_bytes).map_err(|e| e.at(path))?;
    read_npy_bytes(&bytes).map_err(|e| e.at(path))
}

/// The longest header read (numpy writes a few hundred bytes).
const MAX_HEADER_BYTES: usize = 1 << 20;

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, NpyError> {
    let classify_io = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => NpyError::new(NpyErrorKind::NotFound),
        io::ErrorKind::IsADirectory => NpyError::new(NpyErrorKind::IsDirectory),
        _ => NpyError::new(NpyErrorKind::Read(e)),
    };
    let meta = std::fs::metadata(path).map_err(classify_io)?;
    if meta.is_dir() {
        return Err(NpyError::new(NpyErrorKind::IsDirectory));
    }
    if !(meta.is_file() || is_fifo(&meta)) {
        return Err(NpyError::new(NpyErrorKind::NotRegular));
    }
    let mut file = std::fs::File::open(path).map_err(classify_io)?;
    // Whatever `read_npy_bytes` says about a file that ends here.
    let ended = |bytes: &[u8]| match read_npy_bytes(bytes) {
        Err(e) => e,
        Ok(_) => NpyError::new(NpyErrorKind::Truncated {
            detail: "it ends early".into(),
        }),
    };
    let mut bytes = Vec::new();
    fill(&mut file, &mut bytes, 12).map_err(classify_io)?;
    let end = header_end(&bytes)?;
    if end > 12 + MAX_HEADER_BYTES {
        fill(&mut file, &mut bytes, 13 + MAX_HEADER_BYTES).map_err(classify_io)?;
        if bytes.len() < end {
            return Err(ended(&bytes));
        }
        return Err(NpyError::new(NpyErrorKind::BadHeader {
            reason: format!(
                "it is {} bytes long; numpy writes a few hundred",
                end - MAX_HEADER_BYTES.min(end)
            ),
            header: quote_header(&bytes[12..]),
        }));
    }
    fill(&mut file, &mut bytes, end).map_err(classify_io)?;
    if bytes.len() < end {
        return Err(ended(&bytes));
    }
    let head = parse_head(&bytes[..end])?;
    let out_size = match head.elem {
        Elem::F32 => 4,
        _ => 8,
    };
    let need = (end as u128)
        .saturating_add(head.data_bytes as u128)
        .saturating_add((head.values as u128).saturating_mul(out_size));
    if need > u128::from(max_bytes) {
        return Err(NpyError::new(NpyErrorKind::TooLarge {
            bytes: need,
            limit: max_bytes,
        }));
    }
    // The data and one byte more (to tell a longer file), reserved fallibly.
    let total = end + head.data_bytes + 1;
    bytes.try_reserve_exact(total - bytes.len()).map_err(|_| {
        NpyError::new(NpyErrorKind::OutOfMemory {
            bytes: total as u128,
        })
    })?;
    fill(&mut file, &mut bytes, total).map_err(classify_io)?;
    if bytes.len() == total {
        // Extra bytes: say how many (a regular file's length is known).
        let found = if meta.is_file() {
            (meta.len() as usize).saturating_sub(end)
        } else {
            let rest = io::copy(&mut file.by_ref().take(max_bytes), &mut io::sink()).unwrap_or(0);
            head.data_bytes + 1 + rest as usize
        };
        return Err(NpyError::new(NpyErrorKind::ExtraBytes {
            values: head.values,
            elem: head.elem.name(),
            expected: head.data_bytes,
            found,
        }));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// Reads from `r` until `bytes` holds `target` bytes or the input ends.
fn fill(r: &mut impl Read, bytes: &mut Vec<u8>, target: usize) -> io::Result<()> {
    while bytes.len() < target {
        let want = (target - bytes.len()) as u64;
        if r.by_ref().take(want).read_to_end(bytes)? == 0 {
            break;
        }
    }
    Ok(())
}

/// What a valid header says about the data after it.
struct Head {
    elem: Elem,
    /// `>` byte order.
    big_endian: bool,
    fortran: bool,
    shape: Vec<usize>,
    /// Number of values.
    values: usize,
    /// Bytes of data the header promises.
    data_bytes: usize,
}

/// Where the header ends: checks the magic string, version and header
/// length field (not that the header bytes are present).
fn header_end(bytes: &[u8]) -> Result<usize, NpyError> {
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
    Ok(prefix + header_len)
}

/// Parses the header; `bytes` is the file from its start (the header must
/// be complete; the data may be missing).
fn parse_head(bytes: &[u8]) -> Result<Head, NpyError> {
    let err = |kind| Err(NpyError::new(kind));
    let header_end = header_end(bytes)?;
    let prefix = if bytes[6] == 1 { 10 } else { 12 };
    let available = bytes.len() - prefix;
    let header_len = header_end - prefix;
    if header_len > available {
        return Err(NpyError::new(NpyErrorKind::Truncated {
            detail: format!(
                "header length field promises a {header_len}-byte header, found {available} bytes"
            ),
        }));
    }

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
    let (elem, big_endian) = match header.type_descriptor.as_string() {
        Some(s) => (
            classify(s).map_err(|meaning| {
                NpyError::new(NpyErrorKind::UnsupportedDtype {
                    descr: format!("'{s}'"),
                    meaning,
                })
            })?,
            s.starts_with('>'),
        ),
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
    let data_bytes = values
        .checked_mul(elem.size())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(too_large)?;
    Ok(Head {
        elem,
        big_endian,
        fortran: header.layout.is_fortran(),
        shape: header.shape,
        values,
        data_bytes,
    })
}

/// Reads the bytes of a `.npy` file into a tensor.
pub fn read_npy_bytes(bytes: &[u8]) -> Result<Tensor, NpyError> {
    let header_end = header_end(bytes)?;
    let head = parse_head(bytes)?;
    let expected = head.data_bytes;
    let found = bytes.len() - header_end;
    if found < expected {
        return Err(NpyError::new(NpyErrorKind::Truncated {
            detail: format!(
                "header promises {} ({expected} bytes), found {found} bytes",
                count_values(head.values, head.elem.name())
            ),
        }));
    }
    if found > expected {
        return Err(NpyError::new(NpyErrorKind::ExtraBytes {
            values: head.values,
            elem: head.elem.name(),
            expected,
            found,
        }));
    }
    decode(&bytes[header_end..], &head)
}

/// One element from its bytes, in the header's byte order.
macro_rules! element {
    ($be:expr, $t:ty, $n:literal, $conv:expr) => {
        |c: &[u8]| -> Result<_, String> {
            let mut a = [0u8; $n];
            a.copy_from_slice(c);
            let x = if $be {
                <$t>::from_be_bytes(a)
            } else {
                <$t>::from_le_bytes(a)
            };
            Ok($conv(x))
        }
    };
}

/// The data (exactly `head.data_bytes` long) as a tensor in C layout,
/// allocated fallibly.
fn decode(data: &[u8], head: &Head) -> Result<Tensor, NpyError> {
    let be = head.big_endian;
    let f64s = |f: &dyn Fn(&[u8]) -> Result<f64, String>| collect(data, head, f).map(Tensor::F64);
    let same = |x: f64| x;
    match head.elem {
        Elem::F64 => f64s(&element!(be, f64, 8, same)),
        Elem::F32 => collect(data, head, &element!(be, f32, 4, |x: f32| x)).map(Tensor::F32),
        Elem::I8 => f64s(&element!(be, i8, 1, f64::from)),
        Elem::I16 => f64s(&element!(be, i16, 2, f64::from)),
        Elem::I32 => f64s(&element!(be, i32, 4, f64::from)),
        // Documented rounding beyond 2^53.
        Elem::I64 => f64s(&element!(be, i64, 8, |x: i64| x as f64)),
        Elem::U8 => f64s(&element!(be, u8, 1, f64::from)),
        Elem::U16 => f64s(&element!(be, u16, 2, f64::from)),
        Elem::U32 => f64s(&element!(be, u32, 4, f64::from)),
        Elem::U64 => f64s(&element!(be, u64, 8, |x: u64| x as f64)),
        Elem::Bool => f64s(&|c: &[u8]| match c[0] {
            0 => Ok(0.0),
            1 => Ok(1.0),
            b => Err(format!("a bool is stored as the byte 0 or 1, found {b}")),
        }),
    }
}

/// Converts each element of `data`, in file order, into an array of the
/// header's shape in C layout.
fn collect<T: crate::runtime::alloc::ZeroBits>(
    data: &[u8],
    head: &Head,
    f: &dyn Fn(&[u8]) -> Result<T, String>,
) -> Result<ArrayD<T>, NpyError> {
    let oom = || {
        NpyError::new(NpyErrorKind::OutOfMemory {
            bytes: (head.values as u128).saturating_mul(std::mem::size_of::<T>() as u128),
        })
    };
    let mut v: Vec<T> = Vec::new();
    v.try_reserve_exact(head.values).map_err(|_| oom())?;
    for c in data.chunks_exact(head.elem.size()) {
        v.push(f(c).map_err(|reason| NpyError::new(NpyErrorKind::BadData { reason }))?);
    }
    let bad = |e: ndarray::ShapeError| {
        NpyError::new(NpyErrorKind::BadData {
            reason: e.to_string(),
        })
    };
    if !head.fortran || head.shape.len() < 2 {
        return ArrayD::from_shape_vec(IxDyn(&head.shape), v).map_err(bad);
    }
    let f_order = ArrayD::from_shape_vec(IxDyn(&head.shape).f(), v).map_err(bad)?;
    let mut c_order =
        crate::runtime::alloc::try_zeros::<T>(&head.shape, "the array").map_err(|_| oom())?;
    c_order.assign(&f_order);
    Ok(c_order)
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

/// Writes a tensor as a `.npy` file (C order; 0-d for scalars), streamed
/// to the file (no copy of the data in memory).
pub fn write_npy(path: &Path, t: &Tensor) -> Result<(), NpyError> {
    let write_err = |e| NpyError::new(NpyErrorKind::Write(e)).at(path);
    let file = std::fs::File::create(path).map_err(write_err)?;
    let mut w = io::BufWriter::new(file);
    write_to(&mut w, t).map_err(|e| e.at(path))?;
    io::Write::flush(&mut w).map_err(write_err)
}

/// The bytes of a `.npy` file holding the tensor (C order; 0-d for scalars).
pub fn write_npy_bytes(t: &Tensor) -> Result<Vec<u8>, NpyError> {
    let mut out = Vec::new();
    write_to(&mut out, t)?;
    Ok(out)
}

fn write_to(w: &mut impl io::Write, t: &Tensor) -> Result<(), NpyError> {
    let result = match t {
        Tensor::F64(a) => a.as_standard_layout().write_npy(w),
        Tensor::F32(a) => a.as_standard_layout().write_npy(w),
    };
    result.map_err(|e| match e {
        ndarray_npy::WriteNpyError::Io(e) => NpyError::new(NpyErrorKind::Write(e)),
        other => NpyError::new(NpyErrorKind::Format {
            reason: other.to_string(),
        }),
    })
}

#[cfg(test)]
#[path = "npy_tests.rs"]
mod tests;
