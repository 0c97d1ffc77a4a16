//! With libgcc's unwinder linked in, `backtrace` walks real frames: the
//! unwinder finds the program's unwind tables through `_dl_find_object`
//! and its PT_GNU_EH_FRAME segment.

use cloudlibc_tests::{compile, default_config, root, run, tools, TempDir};

#[test]
fn backtrace_walks_the_stack_with_libgcc_eh() {
    let src = root().join("tests/c/dlfcn/backtrace.c");
    let bin = tools().work.join("unwind_backtrace");
    let flags = ["-DWITH_UNWINDER", "-Wl,--eh-frame-hdr", "-Wl,--undefined=_Unwind_Backtrace", "-lgcc_eh"];
    compile(&[&src], &bin, &flags).unwrap();
    let tmp = TempDir::new("unwind");
    let out = run(&bin, &default_config(&tmp.0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains(" 0 failed"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[0x401a2f]\n[0x0]\n");
}
