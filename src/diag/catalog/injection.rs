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
}
