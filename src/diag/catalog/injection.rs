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
    OWNERS_FILE_FOLDER "owners.file_folder" {
        en: "{what} writes `{path}`, inside a folder `{dir}`, but {other_what} ({other}) writes a file of that name",
        vi: "{what} ghi `{path}` trong thư mục `{dir}`, nhưng {other_what} ({other}) ghi một tệp cùng tên đó",
    }
    OWNERS_FILE_FOLDER_HINT "owners.file_folder.hint" {
        en: "rename one of the two: a name cannot be a file and a folder at once",
        vi: "Đổi tên một trong hai: một tên không thể vừa là tệp vừa là thư mục",
    }
    OWNERS_CASE "owners.case" {
        en: "{what} writes `{path}` and {other_what} ({other}) writes `{other_path}`: one file where letter case does not count (Windows, macOS, many CDNs)",
        vi: "{what} ghi `{path}` còn {other_what} ({other}) ghi `{other_path}`: trên hệ thống không phân biệt chữ hoa chữ thường (Windows, macOS, nhiều CDN) đó là cùng một tệp",
    }
    OWNERS_CASE_HINT "owners.case.hint" {
        en: "write addresses in lowercase, or make the two differ in more than case",
        vi: "Viết địa chỉ bằng chữ thường, hoặc làm hai địa chỉ khác nhau không chỉ ở chữ hoa chữ thường",
    }
    OWNERS_NAME_TOO_LONG "owners.name_too_long" {
        en: "{what} writes `{path}`, with a name of {len} bytes; file systems allow at most {max}",
        vi: "{what} ghi `{path}`, có tên dài {len} byte; hệ thống tệp chỉ cho phép tối đa {max}",
    }
    OWNERS_NAME_TOO_LONG_HINT "owners.name_too_long.hint" {
        en: "give the source file a shorter name (Vietnamese letters take 2 or 3 bytes each)",
        vi: "Đặt tên ngắn hơn cho tệp nguồn (mỗi chữ có dấu chiếm 2 hoặc 3 byte)",
    }
}
