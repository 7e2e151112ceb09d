//! `ricci einsum` as numpy users expect (issue 12): without `-o` it prints
//! the result; f32 and f64 operands promote to f64 as numpy does; integer
//! files are read as f64 (README "einsum").

use crate::support;

use ricci::Tensor;
use ricci::runtime::npy::{read_npy, write_npy};
use support::*;

fn save_t(dir: &std::path::Path, name: &str, t: Tensor) -> String {
    let path = dir.join(name);
    write_npy(&path, &t).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn prints_the_result_without_out() {
    let dir = scratch("einsum_cli", "print");
    let a = save(&dir, "a.npy", &[2, 2], &[1.0, 2.0, 3.0, 4.0]);
    let b = save(&dir, "b.npy", &[2, 2], &[5.0, 6.0, 7.0, 8.0]);
    let o = ricci(&["einsum", "ij,jk->ik", &a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "[[19, 22],\n [43, 50]]\n");
    let o = ricci(&["einsum", "ii", &a]);
    assert_eq!(stdout(&o), "5\n");
}

#[test]
fn mixed_f32_and_f64_promote_to_f64() {
    let dir = scratch("einsum_cli", "mixed");
    let a = save_t(
        &dir,
        "a32.npy",
        Tensor::F32(ndarray::arr2(&[[0.1f32, 2.0], [3.0, 4.0]]).into_dyn()),
    );
    let b = save(&dir, "b64.npy", &[2], &[1.0, 0.1]);
    let out = dir.join("out.npy");
    let o = ricci(&["einsum", "ij,j->i", &a, &b, "-o", &out.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got = read_npy(&out).unwrap();
    // numpy: float32 0.1 widened exactly, then the sum in f64.
    let want = ndarray::arr1(&[0.1f32 as f64 + 0.2, 3.0 + 0.4]).into_dyn();
    assert_eq!(got, Tensor::F64(want));
    // Two f32 operands stay f32.
    let o = ricci(&["einsum", "ij,jk->ik", &a, &a, "-o", &out.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(matches!(read_npy(&out).unwrap(), Tensor::F32(_)));
}

#[test]
fn integer_files_compute_in_f64() {
    let dir = scratch("einsum_cli", "int");
    // An int64 .npy, written by hand: header then little-endian values.
    let mut header = "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }".to_string();
    while !(10 + header.len() + 1).is_multiple_of(64) {
        header.push(' ');
    }
    header.push('\n');
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend_from_slice(&(header.len() as u16).to_le_bytes());
    bytes.extend_from_slice(header.as_bytes());
    for v in [1i64, 2, 3, 4] {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    let path = dir.join("i.npy");
    std::fs::write(&path, bytes).unwrap();
    let p = path.to_string_lossy().into_owned();
    let out = dir.join("out.npy");
    let o = ricci(&["einsum", "ij,jk", &p, &p, "-o", &out.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let want = ndarray::arr2(&[[7.0, 10.0], [15.0, 22.0]]).into_dyn();
    assert_eq!(read_npy(&out).unwrap(), Tensor::F64(want));
}

#[test]
fn still_refuses_a_bad_call() {
    let dir = scratch("einsum_cli", "bad");
    let a = save(&dir, "a.npy", &[2, 3], &[0.0; 6]);
    let o = ricci(&["einsum", "ij,jk->ik", &a, &a]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("error:"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}
