//! Messages of issue 20 (trust): links that leave the folder they are in,
//! cache folders that would hold the site's own files, the output folder
//! as a mount point, files in the output that chiso did not write.

messages! {
    TRUST_SYMLINK_LEAVES_STATIC "trust.symlink_leaves_static" {
        en: "symbolic link points outside {folder}/ (to {target}); files there are published as they are, so it is not followed",
        vi: "liên kết tượng trưng (symlink) trỏ ra ngoài {folder}/ (tới {target}); tệp trong thư mục này được xuất bản nguyên trạng nên liên kết không được dùng",
    }
    TRUST_SYMLINK_LEAVES_STATIC_HINT "trust.symlink_leaves_static.hint" {
        en: "copy the file into this folder instead of linking to it (a link could publish a password or a token)",
        vi: "Chép hẳn tệp vào thư mục này thay vì tạo liên kết (một liên kết có thể làm lộ mật khẩu hay mã truy cập)",
    }
    TRUST_CACHE_DIR "trust.cache_dir" {
        en: "cache_dir `{dir}` is inside the site's own files ({place}); chiso deletes old entries in its cache folder, so it must be a folder of its own",
        vi: "cache_dir `{dir}` nằm trong chính thư mục của trang ({place}); chiso tự xóa các mục cũ trong thư mục đệm nên thư mục này phải là thư mục riêng",
    }
    TRUST_CACHE_DIR_HINT "trust.cache_dir.hint" {
        en: "leave cache_dir out (the default is .chiso-cache) or name a folder used for nothing else",
        vi: "Bỏ dòng cache_dir (mặc định là .chiso-cache) hoặc chọn một thư mục không dùng vào việc gì khác",
    }
    TRUST_PLACE_ROOT "trust.place.root" { en: "the site folder or above it", vi: "thư mục trang hoặc thư mục chứa nó" }
    TRUST_PLACE_CONTENT "trust.place.content" { en: "the content/ folder", vi: "thư mục content/" }
    TRUST_PLACE_THEMES "trust.place.themes" { en: "the themes/ folder", vi: "thư mục themes/" }
    TRUST_PLACE_OUTPUT "trust.place.output" { en: "the output folder", vi: "thư mục xuất bản" }
}
