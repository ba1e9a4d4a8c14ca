//! Messages about hostile input (issue 20): characters a redirect file or a
//! feed cannot carry, sheets too large to read, oversized requests.

messages! {
    URL_PATH_CHARS "url.path_chars" {
        en: "has a character its path cannot hold (only letters a-z, digits, `/`, `-`, `_`, `.`, `~`)",
        vi: "có ký tự không được dùng trong đường dẫn (chỉ dùng chữ a-z không dấu, chữ số, `/`, `-`, `_`, `.`, `~`)",
    }
    URL_USERINFO "url.userinfo" {
        en: "holds a user name or password",
        vi: "có tên người dùng hoặc mật khẩu",
    }
    IMP_UNITS_AND_MORE "imp.units_and_more" {
        en: "{names} and {n} more",
        vi: "{names} và {n} đơn vị khác",
    }
    IMP_SHEET_TOO_LARGE "imp.sheet_too_large" {
        en: "the sheet's cells span {rows} rows and {cols} columns ({cells} cells counted); chiso reads at most {max_rows} rows, {max_cols} columns and {max_cells} cells",
        vi: "các ô có dữ liệu của trang tính trải trên {rows} dòng và {cols} cột (đã đếm {cells} ô); chiso chỉ đọc tối đa {max_rows} dòng, {max_cols} cột và {max_cells} ô",
    }
    IMP_SHEET_TOO_LARGE_HINT "imp.sheet_too_large.hint" {
        en: "delete what lies far outside the table (the cell {cell}), or copy the table alone into a new sheet",
        vi: "Xóa nội dung nằm xa ngoài bảng (ô {cell}), hoặc chép riêng bảng sang một trang tính mới",
    }
}
