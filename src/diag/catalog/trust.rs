//! Messages of issue 20 (trust): links that leave the folder they are in,
//! cache folders that would hold the site's own files, the output folder
//! as a mount point, files in the output that chiso did not write.

messages! {
    TRUST_SYMLINK_LEAVES_FOLDER "trust.symlink_leaves_folder" {
        en: "symbolic link points outside {folder}/ (to {target}); what chiso reads there may be published, so it is not followed",
        vi: "liên kết tượng trưng (symlink) trỏ ra ngoài {folder}/ (tới {target}); những gì chiso đọc trong thư mục này có thể bị đăng lên trang nên liên kết không được dùng",
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
    TRUST_IO_FULL_HINT "trust.io.full.hint" {
        en: "the disk (or your quota) is full: free some space and build again",
        vi: "Ổ đĩa (hoặc hạn mức của bạn) đã đầy: giải phóng bớt dung lượng rồi dựng lại",
    }
    TRUST_IO_BUSY_HINT "trust.io.busy.hint" {
        en: "mount the folder that holds it instead (mount at /srv/site, build with --output /srv/site/output), or build into a folder inside the mount (--output output/site) and serve that folder",
        vi: "Hãy gắn kết thư mục chứa nó (gắn vào /srv/site rồi dựng với --output /srv/site/output), hoặc dựng vào một thư mục con bên trong điểm gắn kết (--output output/site) rồi phục vụ trang từ thư mục con đó",
    }
    TRUST_OUTPUT_MOUNT "trust.output_mount" {
        en: "the output folder {out} is a mount point (a tmpfs, a bind mount or a volume) or in use, so it cannot be replaced: chiso publishes a build by swapping the whole folder in one step, so that readers never see half a site and a crash loses nothing, and a mount point cannot be swapped",
        vi: "thư mục xuất bản {out} là một điểm gắn kết (tmpfs, bind mount hoặc volume) hoặc đang được dùng nên không thay thế được: chiso xuất bản bằng cách đổi cả thư mục trong một bước, để người đọc không bao giờ thấy trang dở dang và sự cố giữa chừng không làm mất gì, mà điểm gắn kết thì không đổi chỗ được",
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
