//! Messages of `chiso import data`.

messages! {
    IMPORT_AFTER "import.after" {
        en: "after import, line {line}: {message}",
        vi: "sau khi nhập, dòng {line}: {message}",
    }
}
