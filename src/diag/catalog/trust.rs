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
        vi: "cache_dir `{dir}` nằm trong chính thư mục của trang web ({place}); chiso tự xóa các mục cũ trong thư mục đệm nên thư mục này phải là thư mục riêng",
    }
    TRUST_CACHE_DIR_HINT "trust.cache_dir.hint" {
        en: "leave cache_dir out (the default is .chiso-cache) or name a folder used for nothing else",
        vi: "Bỏ dòng cache_dir (mặc định là .chiso-cache) hoặc chọn một thư mục không dùng vào việc gì khác",
    }
    TRUST_PLACE_ROOT "trust.place.root" { en: "the site folder or above it", vi: "thư mục gốc của trang web hoặc thư mục chứa nó" }
    TRUST_PLACE_CONTENT "trust.place.content" { en: "the content/ folder", vi: "thư mục content/" }
    TRUST_PLACE_THEMES "trust.place.themes" { en: "the themes/ folder", vi: "thư mục themes/" }
    TRUST_PLACE_OUTPUT "trust.place.output" { en: "the output folder", vi: "thư mục xuất bản" }
    TRUST_IO_FULL_HINT "trust.io.full.hint" {
        en: "the disk (or your quota) is full: free some space and build again",
        vi: "Ổ đĩa (hoặc hạn mức của bạn) đã đầy: giải phóng bớt dung lượng rồi dựng lại",
    }
    TRUST_IO_BUSY_HINT "trust.io.busy.hint" {
        en: "the output folder is a mount point (a tmpfs or bind mount) or in use, so it cannot be replaced; mount its parent folder instead, or build into a folder inside it (--output output/site)",
        vi: "Thư mục xuất bản là một điểm gắn kết (tmpfs hoặc bind mount) hoặc đang được dùng nên không thay thế được; hãy gắn kết thư mục cha của nó, hoặc dựng vào một thư mục con bên trong (--output output/site)",
    }
    TRUST_IO_READONLY_HINT "trust.io.readonly.hint" {
        en: "the file system is read-only: build into a writable folder",
        vi: "Hệ thống tệp chỉ cho đọc: hãy dựng vào một thư mục ghi được",
    }
    TRUST_IO_PERMISSION_HINT "trust.io.permission.hint" {
        en: "you may not write there: check the permissions of the output folder and of the folder that holds it",
        vi: "Bạn không có quyền ghi vào đó: kiểm tra quyền của thư mục xuất bản và của thư mục chứa nó",
    }
    TRUST_IO_XDEV_HINT "trust.io.xdev.hint" {
        en: "the output and the folder beside it are on different file systems (a mount point): mount the output's parent folder instead",
        vi: "Thư mục xuất bản và thư mục bên cạnh nằm trên hai hệ thống tệp khác nhau (điểm gắn kết): hãy gắn kết thư mục cha của nó",
    }
}
