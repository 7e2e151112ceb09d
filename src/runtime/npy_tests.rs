//! Unit tests of `runtime::npy`.

use super::*;
use crate::runtime::values::DType;
use ndarray::{Array, ArrayD, IxDyn, ShapeBuilder};

fn t64(shape: &[usize], v: Vec<f64>) -> Tensor {
    Tensor::F64(ArrayD::from_shape_vec(IxDyn(shape), v).unwrap())
}

fn range64(shape: &[usize]) -> Tensor {
    let n: usize = shape.iter().product();
    t64(shape, (0..n).map(|i| i as f64 * 0.5 - 1.0).collect())
}

/// A version-1.0 `.npy` file with a header in numpy's exact format:
/// the dict, spaces, newline, padded so the data is 64-byte aligned.
fn npy_v1(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut header = dict.as_bytes().to_vec();
    let unpadded = 10 + header.len() + 1;
    let pad = (64 - unpadded % 64) % 64;
    header.extend(std::iter::repeat_n(b' ', pad));
    header.push(b'\n');
    let mut out = MAGIC.to_vec();
    out.extend([1, 0]);
    out.extend((header.len() as u16).to_le_bytes());
    out.extend(header);
    assert_eq!(out.len() % 64, 0);
    out.extend(data);
    out
}

fn le_f64(v: &[f64]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn err_msg(bytes: &[u8]) -> String {
    match read_npy_bytes(bytes) {
        Ok(t) => panic!("expected an error, got {t:?}"),
        Err(e) => e.to_string(),
    }
}

fn tmp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-npy-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/npy")
        .join(name)
}

/// Where the data starts in a version-1.0 file.
fn data_start(bytes: &[u8]) -> usize {
    10 + usize::from(u16::from_le_bytes([bytes[8], bytes[9]]))
}

fn valid_2x3() -> Vec<u8> {
    write_npy_bytes(&range64(&[2, 3])).unwrap()
}

// ---- round trips ----

#[test]
fn round_trip_f64_f32_scalar_3d_empty() {
    let cases = [
        range64(&[2, 3]),
        Tensor::from_f64(range64(&[4, 1]).to_f64(), DType::F32),
        Tensor::scalar(2.5, DType::F64),
        Tensor::scalar(0.1, DType::F32),
        range64(&[2, 3, 4]),
        range64(&[0]),
        range64(&[3, 0, 2]),
        t64(&[3], vec![f64::NAN, f64::INFINITY, -0.0]),
    ];
    for t in cases {
        let bytes = write_npy_bytes(&t).unwrap();
        assert_eq!(bytes[..6], MAGIC[..]);
        let back = read_npy_bytes(&bytes).unwrap();
        assert_eq!(back.dtype(), t.dtype());
        assert_eq!(back.shape(), t.shape());
        // NaN != NaN, so compare bit patterns.
        let bits = |t: &Tensor| -> Vec<u64> { t.to_f64().iter().map(|x| x.to_bits()).collect() };
        assert_eq!(bits(&back), bits(&t));
    }
}

#[test]
fn round_trip_through_a_file() {
    let dir = tmp_dir("roundtrip");
    let path = dir.join("x.npy");
    let t = range64(&[3, 2, 2]);
    write_npy(&path, &t).unwrap();
    assert_eq!(read_npy(&path).unwrap(), t);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn writes_c_order_header_even_for_fortran_arrays() {
    let a = Array::from_shape_vec((2, 3).f(), vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0])
        .unwrap()
        .into_dyn();
    let bytes = write_npy_bytes(&Tensor::F64(a.clone())).unwrap();
    let start = data_start(&bytes);
    let text = String::from_utf8_lossy(&bytes[10..start]).to_string();
    assert!(text.contains("'fortran_order': False"), "{text}");
    assert!(text.contains("'shape': (2, 3)"), "{text}");
    assert_eq!(
        &bytes[start..],
        &le_f64(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0])[..]
    );
    assert_eq!(read_npy_bytes(&bytes).unwrap(), Tensor::F64(a));
}

#[test]
fn scalar_written_as_0d() {
    let bytes = write_npy_bytes(&Tensor::scalar(3.0, DType::F64)).unwrap();
    let start = data_start(&bytes);
    let text = String::from_utf8_lossy(&bytes[10..start]).to_string();
    assert!(text.contains("'shape': ()"), "{text}");
    assert_eq!(start % 64, 0);
    assert_eq!(bytes.len(), start + 8);
}

#[test]
fn reads_fortran_order_into_c_layout() {
    // Write the transpose (a standard-layout array reversed), which
    // ndarray-npy stores with fortran_order: True.
    let c = Array::from_shape_vec((3, 2), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    let f = c.reversed_axes().into_dyn(); // shape (2, 3), Fortran layout
    let mut bytes = Vec::new();
    f.write_npy(&mut bytes).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("'fortran_order': True"));
    let Tensor::F64(back) = read_npy_bytes(&bytes).unwrap() else {
        panic!("expected f64")
    };
    assert!(back.is_standard_layout());
    assert_eq!(back, f);
    assert_eq!(back.as_slice().unwrap(), &[1.0, 3.0, 5.0, 2.0, 4.0, 6.0]);
}

#[test]
fn reads_hand_crafted_numpy_headers() {
    let data = le_f64(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let c = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
        &data,
    );
    assert_eq!(
        read_npy_bytes(&c).unwrap(),
        t64(&[2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    );
    let f = npy_v1(
        "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
        &data,
    );
    assert_eq!(
        read_npy_bytes(&f).unwrap(),
        t64(&[2, 3], vec![1.0, 3.0, 5.0, 2.0, 4.0, 6.0])
    );
    let s = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
        &le_f64(&[7.5]),
    );
    assert_eq!(read_npy_bytes(&s).unwrap(), Tensor::scalar(7.5, DType::F64));
    let v = npy_v1(
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
        &[0.5f32.to_le_bytes(), 0.1f32.to_le_bytes()].concat(),
    );
    assert_eq!(
        read_npy_bytes(&v).unwrap(),
        Tensor::F32(ArrayD::from_shape_vec(IxDyn(&[2]), vec![0.5, 0.1]).unwrap())
    );
}

#[test]
fn reads_big_endian_and_version_2() {
    let be: Vec<u8> = [1.5f64, -2.0]
        .iter()
        .flat_map(|x| x.to_be_bytes())
        .collect();
    let b = npy_v1(
        "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
        &be,
    );
    assert_eq!(read_npy_bytes(&b).unwrap(), t64(&[2], vec![1.5, -2.0]));

    // Version 2.0: a four-byte header length.
    let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }";
    let mut header = dict.as_bytes().to_vec();
    let pad = (64 - (12 + header.len() + 1) % 64) % 64;
    header.extend(std::iter::repeat_n(b' ', pad));
    header.push(b'\n');
    let mut v2 = MAGIC.to_vec();
    v2.extend([2, 0]);
    v2.extend((header.len() as u32).to_le_bytes());
    v2.extend(header);
    v2.extend(le_f64(&[4.0]));
    assert_eq!(read_npy_bytes(&v2).unwrap(), t64(&[1], vec![4.0]));
}

#[test]
fn integers_and_bools_become_f64() {
    let i = npy_v1(
        "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }",
        &[0i64, -5, 1 << 40]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect::<Vec<u8>>(),
    );
    assert_eq!(
        read_npy_bytes(&i).unwrap(),
        t64(&[3], vec![0.0, -5.0, (1u64 << 40) as f64])
    );
    let u = npy_v1(
        "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }",
        &[3, 255],
    );
    assert_eq!(read_npy_bytes(&u).unwrap(), t64(&[2], vec![3.0, 255.0]));
    let b = npy_v1(
        "{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }",
        &[1, 0],
    );
    assert_eq!(read_npy_bytes(&b).unwrap(), t64(&[2], vec![1.0, 0.0]));
    let i4 = npy_v1(
        "{'descr': '>i4', 'fortran_order': True, 'shape': (2, 2), }",
        &[1i32, 2, 3, 4]
            .iter()
            .flat_map(|x| x.to_be_bytes())
            .collect::<Vec<u8>>(),
    );
    assert_eq!(
        read_npy_bytes(&i4).unwrap(),
        t64(&[2, 2], vec![1.0, 3.0, 2.0, 4.0])
    );
}

// ---- errors ----

#[test]
fn empty_input() {
    assert_eq!(
        err_msg(b""),
        "file is empty (0 bytes), not a .npy file; save the array with numpy.save"
    );
}

#[test]
fn garbage_is_not_npy() {
    let m = err_msg(b"1.0,2.0,3.0\n");
    assert!(
        m.starts_with("not a .npy file: it starts with \"1.0,2.0,\""),
        "{m}"
    );
    assert!(m.contains("numpy.save"), "{m}");
    let m = err_msg(&[0xde, 0xad, 0xbe, 0xef, 0x00]);
    assert!(
        m.starts_with("not a .npy file: it starts with \"\\xde\\xad\\xbe\\xef\\x00\""),
        "{m}"
    );
    let m = err_msg(b"PK\x03\x04rest of a zip");
    assert!(m.contains(".npz"), "{m}");
    // Pseudo-random bytes: never a panic, always "not a .npy file".
    let mut x: u32 = 12345;
    for len in [1, 7, 100, 5000] {
        let junk: Vec<u8> = (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            // Keep the first byte off the magic's 0x93.
            .map(|b| if b == 0x93 { 0x92 } else { b })
            .collect();
        assert!(err_msg(&junk).starts_with("not a .npy file"), "{len}");
    }
}

#[test]
fn corrupted_bytes_never_panic() {
    // Overwrite one or two bytes of valid files (header and data) with
    // pseudo-random values: any outcome but a panic is acceptable.
    let files = [
        valid_2x3(),
        write_npy_bytes(&Tensor::scalar(1.0, DType::F32)).unwrap(),
    ];
    let mut x: u32 = 99;
    let mut next = || {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (x >> 8) as usize
    };
    for file in &files {
        for _ in 0..2000 {
            let mut b = file.clone();
            let (i, j) = (next() % b.len(), next() % b.len());
            b[i] = next() as u8;
            b[j] = next() as u8;
            let _ = read_npy_bytes(&b);
        }
    }
}

#[test]
fn truncated_at_every_point() {
    let bytes = valid_2x3();
    assert_eq!(data_start(&bytes), 128);
    assert_eq!(bytes.len(), 128 + 48);
    assert_eq!(
        err_msg(&bytes[..3]),
        "file is truncated: it ends inside the .npy magic string (3 of 6 bytes); re-save it with numpy.save"
    );
    assert!(err_msg(&bytes[..7]).contains("truncated: it ends inside the format version"));
    assert!(err_msg(&bytes[..9]).contains("truncated: it ends inside the header length field"));
    assert_eq!(
        err_msg(&bytes[..40]),
        "file is truncated: header length field promises a 118-byte header, found 30 bytes; re-save it with numpy.save"
    );
    assert_eq!(
        err_msg(&bytes[..128 + 20]),
        "file is truncated: header promises 6 f64 values (48 bytes), found 20 bytes; re-save it with numpy.save"
    );
    assert!(
        err_msg(&bytes[..128]).contains("header promises 6 f64 values (48 bytes), found 0 bytes")
    );
    // Every prefix is an error, never a panic.
    for cut in 0..bytes.len() {
        assert!(read_npy_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let one = write_npy_bytes(&Tensor::scalar(1.0, DType::F32)).unwrap();
    assert!(
        err_msg(&one[..data_start(&one) + 2])
            .contains("header promises 1 f32 value (4 bytes), found 2 bytes")
    );
}

#[test]
fn extra_bytes_after_data() {
    let mut bytes = valid_2x3();
    bytes.extend([0; 5]);
    assert_eq!(
        err_msg(&bytes),
        "file has 5 bytes after the end of the data: header promises 6 f64 values (48 bytes), \
         found 53 bytes; the header may be wrong or something was appended; re-save it with numpy.save"
    );
}

#[test]
fn lying_headers_do_not_allocate() {
    // A shape far larger than the file.
    let huge = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000), }",
        &le_f64(&[1.0]),
    );
    assert!(err_msg(&huge).contains(
        "truncated: header promises 1000000000000000000 f64 values (8000000000000000000 bytes), found 8 bytes"
    ));
    // A shape whose size overflows.
    let overflow = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 16), }",
        &[],
    );
    assert_eq!(
        err_msg(&overflow),
        "header shape (4294967296, 4294967296, 16) describes an impossibly large array; \
         the file is corrupt; re-save it with numpy.save"
    );
    // Zero elements but a huge nonzero product (ndarray would refuse it).
    let zero = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4294967296, 4294967296), }",
        &[],
    );
    assert!(err_msg(&zero).contains("impossibly large"));
    // Element size pushes the byte count past isize::MAX.
    let bytes_overflow = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904,), }",
        &[],
    );
    assert!(err_msg(&bytes_overflow).contains("impossibly large"));
    // A version-2 header length of 4 GiB.
    let mut v2 = MAGIC.to_vec();
    v2.extend([2, 0, 0xff, 0xff, 0xff, 0xff]);
    v2.extend(b"{'descr': '<f8'");
    assert_eq!(
        err_msg(&v2),
        "file is truncated: header length field promises a 4294967295-byte header, found 15 bytes; re-save it with numpy.save"
    );
}

#[test]
fn unsupported_dtypes() {
    let c16 = npy_v1(
        "{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }",
        &[0; 32],
    );
    assert_eq!(
        err_msg(&c16),
        "unsupported element type '<c16' (complex128); ricci reads float64 and float32 arrays \
         (integer and bool arrays are converted to float64); convert it with \
         numpy.save(path, array.astype(numpy.float64))"
    );
    let cases = [
        ("'|O'", "Python objects"),
        ("'<U5'", "unicode strings"),
        ("'|S3'", "byte strings"),
        ("'<f2'", "float16"),
        ("'<f16'", "float128, extended precision"),
        ("'<M8[ns]'", "datetimes"),
        ("'<c8'", "complex64"),
    ];
    for (descr, meaning) in cases {
        let b = npy_v1(
            &format!("{{'descr': {descr}, 'fortran_order': False, 'shape': (1,), }}"),
            &[0; 16],
        );
        let m = err_msg(&b);
        assert!(
            m.starts_with(&format!("unsupported element type {descr} ({meaning})")),
            "{m}"
        );
    }
    let rec = npy_v1(
        "{'descr': [('x', '<f8'), ('y', '<i4')], 'fortran_order': False, 'shape': (1,), }",
        &[0; 12],
    );
    assert!(err_msg(&rec).contains("(a structured record type)"));
}

#[test]
fn malformed_headers() {
    let missing = npy_v1("{'descr': '<f8', 'fortran_order': False, }", &[]);
    assert_eq!(
        err_msg(&missing),
        "malformed .npy header: missing key 'shape'; header text: \
         \"{'descr': '<f8', 'fortran_order': False, }\"; re-save it with numpy.save"
    );
    let not_dict = npy_v1("[1, 2, 3]", &[]);
    assert!(err_msg(&not_dict).contains("malformed .npy header: it is [1, 2, 3], not a dict"));
    let junk = npy_v1("{'descr': '<f8', 'fortran_or", &[]);
    assert!(err_msg(&junk).contains("malformed .npy header: it is not a Python dict literal"));
    let bad_shape = npy_v1(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }",
        &[],
    );
    assert!(err_msg(&bad_shape).contains("illegal value (-1,) for 'shape'"));
    let mut no_newline = valid_2x3();
    no_newline[127] = b' ';
    assert!(err_msg(&no_newline).contains("it does not end with a newline"));
    let mut version = valid_2x3();
    version[6] = 9;
    assert!(err_msg(&version).starts_with("unsupported .npy format version 9.0"));
}

#[test]
fn deeply_nested_headers_are_refused_quickly() {
    for (open, close) in [("[", "]"), ("{1: ", "}"), ("(", ")")] {
        let dict = format!(
            "{{'descr': {}1{}, 'fortran_order': False, 'shape': (1,), }}",
            open.repeat(40),
            close.repeat(40)
        );
        let start = std::time::Instant::now();
        let m = err_msg(&npy_v1(&dict, &[0; 8]));
        assert!(m.contains("brackets are nested more than 8 deep"), "{m}");
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
    }
    assert_eq!(nesting_depth(b"{'shape': (2, 3), }"), 2);
}

#[test]
fn invalid_bool_data() {
    let b = npy_v1(
        "{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }",
        &[1, 7],
    );
    assert!(err_msg(&b).starts_with("invalid data: "));
}

#[test]
fn path_errors_name_the_file() {
    let dir = tmp_dir("paths");
    let missing = dir.join("nope.npy");
    let m = read_npy(&missing).unwrap_err().to_string();
    assert_eq!(
        m,
        format!("{}: no such file; check the path", missing.display())
    );

    let m = read_npy(&dir).unwrap_err().to_string();
    assert_eq!(
        m,
        format!(
            "{}: is a directory, not a .npy file; name a file written by numpy.save",
            dir.display()
        )
    );

    let empty = dir.join("empty.npy");
    std::fs::write(&empty, b"").unwrap();
    let m = read_npy(&empty).unwrap_err().to_string();
    assert!(
        m.starts_with(&format!("{}: file is empty", empty.display())),
        "{m}"
    );

    let short = dir.join("x.npy");
    std::fs::write(&short, &valid_2x3()[..148]).unwrap();
    let m = read_npy(&short).unwrap_err().to_string();
    assert_eq!(
        m,
        format!(
            "{}: file is truncated: header promises 6 f64 values (48 bytes), found 20 bytes; \
             re-save it with numpy.save",
            short.display()
        )
    );

    let unwritable = dir.join("no-such-dir").join("out.npy");
    let m = write_npy(&unwritable, &range64(&[2]))
        .unwrap_err()
        .to_string();
    assert!(
        m.starts_with(&format!("{}: cannot write the file", unwritable.display())),
        "{m}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- files written by numpy (tests/fixtures/npy/gen.py) ----

#[test]
fn numpy_fixtures() {
    let r = |name: &str| read_npy(&fixture(name)).unwrap();
    assert_eq!(
        r("f64_c_2x3.npy"),
        t64(&[2, 3], vec![0.0, 1.5, -2.0, 3.25, 1e-3, 1e10])
    );
    let f32_f = r("f32_fortran_3x2.npy");
    assert_eq!(
        f32_f,
        Tensor::F32(
            ArrayD::from_shape_vec(IxDyn(&[3, 2]), vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6]).unwrap()
        )
    );
    if let Tensor::F32(a) = &f32_f {
        assert!(a.is_standard_layout());
    }
    assert_eq!(r("f64_scalar.npy"), Tensor::scalar(2.5, DType::F64));
    assert_eq!(
        r("i64_vector.npy"),
        t64(&[5], vec![0.0, 1.0, 2.0, 3.0, 4.0])
    );
    assert_eq!(r("f64_big_endian_2.npy"), t64(&[2], vec![1.5, -2.0]));
}

#[test]
fn output_matches_numpy_layout() {
    // numpy.save wrote these files from the same arrays (gen.py). The
    // header dicts differ only in numpy's trailing ", " before "}".
    let cases = [
        (
            t64(&[2, 3], vec![0.0, 1.5, -2.0, 3.25, 1e-3, 1e10]),
            "f64_c_2x3.npy",
        ),
        (Tensor::scalar(2.5, DType::F64), "f64_scalar.npy"),
    ];
    for (t, name) in cases {
        let ours = write_npy_bytes(&t).unwrap();
        let theirs = std::fs::read(fixture(name)).unwrap();
        assert_eq!(data_start(&ours), data_start(&theirs), "{name}");
        assert_eq!(ours[..10], theirs[..10], "{name}");
        assert_eq!(
            ours[data_start(&ours)..],
            theirs[data_start(&theirs)..],
            "{name}"
        );
        assert_eq!(
            read_npy_bytes(&ours).unwrap(),
            read_npy_bytes(&theirs).unwrap()
        );
    }
}
