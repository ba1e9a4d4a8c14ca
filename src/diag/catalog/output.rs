//! Messages of writing the output: the folder's safety, the lock, the swap.

messages! {
    OUT_REFUSE_HINT "out.refuse.hint" {
        en: "choose an output folder of its own, e.g. --output output (the default)",
        vi: "Chọn một thư mục xuất bản riêng, ví dụ --output output (mặc định)",
    }
    OUT_ROOT "out.root" {
        en: "refusing to write the site into the file system root /",
        vi: "không ghi trang web vào thư mục gốc / của hệ thống",
    }
    OUT_HOLDS_SOURCES "out.holds_sources" {
        en: "the output folder would contain the site's sources",
        vi: "thư mục xuất bản sẽ chứa cả mã nguồn của trang web",
    }
    OUT_IN_CONTENT "out.in_content" {
        en: "the output folder is inside content/ or themes/",
        vi: "thư mục xuất bản nằm trong content/ hoặc themes/",
    }
    OUT_HOME "out.home" { en: "refusing to replace the home folder", vi: "không thay thế thư mục cá nhân (home)" }
    OUT_NOT_FOLDER "out.not_folder" {
        en: "the output path exists and is not a folder",
        vi: "đường dẫn xuất bản đã có và không phải là thư mục",
    }
    OUT_FOREIGN "out.foreign" {
        en: "{path} holds files that chiso did not create (no {marker} marker); it will not be replaced",
        vi: "{path} chứa tệp không do chiso tạo (không có dấu {marker}) nên sẽ không bị thay thế",
    }
    OUT_SERVE_PUBLISHED "out.serve_published" {
        en: "this folder is a site that `chiso build` publishes; serve will not replace it",
        vi: "thư mục này là trang web do `chiso build` xuất bản; serve sẽ không thay thế nó",
    }
    OUT_SERVE_PUBLISHED_HINT "out.serve_published.hint" {
        en: "omit --output (serve then uses a temporary folder) or pass a folder of serve's own",
        vi: "Bỏ --output (khi đó serve dùng một thư mục tạm) hoặc ghi một thư mục riêng cho serve",
    }
    OUT_OUTSIDE "out.outside" {
        en: "refusing to write a file outside the output folder",
        vi: "không ghi tệp ra ngoài thư mục xuất bản",
    }
    OUT_OUTSIDE_HINT "out.outside.hint" {
        en: "fix the slug or file name so that it has no `..` or `/` at its start",
        vi: "Sửa slug hoặc tên tệp để không có `..` hay `/` ở đầu",
    }
    OUT_IO "out.io" { en: "cannot {what}: {reason}", vi: "không {what} được: {reason}" }
    OUT_IO_HINT "out.io.hint" {
        en: "the operating system refused it for the reason above: check that the output folder and the folder that holds it exist and can be written",
        vi: "Hệ điều hành từ chối thao tác này vì lý do nêu trên: kiểm tra xem thư mục xuất bản và thư mục chứa nó có tồn tại và ghi được không",
    }
    OUT_KEEP_WRITTEN "out.keep_written" {
        en: "keep_in_output names `{name}`, which the build itself writes",
        vi: "keep_in_output có `{name}`, nhưng chính lần dựng này cũng ghi tệp đó",
    }
    OUT_KEEP_WRITTEN_HINT "out.keep_written.hint" {
        en: "remove it from keep_in_output, or rename the page or static file",
        vi: "Bỏ tên đó khỏi keep_in_output, hoặc đổi tên trang hay tệp tĩnh",
    }
    OUT_KEPT_STUCK "out.kept_stuck" {
        en: "files kept in the output (keep_in_output) could not be moved back from here",
        vi: "không chuyển lại được các tệp giữ lại trong thư mục xuất bản (keep_in_output) từ chỗ này",
    }
    OUT_KEPT_STUCK_HINT "out.kept_stuck.hint" {
        en: "move them into the output folder by hand, then delete this folder",
        vi: "Tự chuyển các tệp đó vào thư mục xuất bản, rồi xóa thư mục này",
    }
    OUT_POISONED "out.poisoned" { en: "an output writer failed earlier", vi: "một luồng ghi tệp đã hỏng từ trước" }
    LOCK_OPEN "lock.open" { en: "cannot open the lock file: {reason}", vi: "không mở được tệp khóa: {reason}" }
    LOCK_OPEN_HINT "lock.open.hint" {
        en: "check the permissions of the output's parent folder",
        vi: "Kiểm tra quyền của thư mục chứa thư mục xuất bản",
    }
    LOCK_BUSY "lock.busy" {
        en: "another chiso build (or serve) is writing this output folder",
        vi: "một lần dựng (hoặc serve) khác của chiso đang ghi vào thư mục xuất bản này",
    }
    LOCK_BUSY_HINT "lock.busy.hint" {
        en: "wait for it to finish, or build without --no-wait to wait for it",
        vi: "Đợi lần đó xong, hoặc dựng lại không kèm --no-wait để tự chờ",
    }
    LOCK_FAIL "lock.fail" { en: "cannot lock: {reason}", vi: "không khóa được: {reason}" }
    LOCK_FAIL_HINT "lock.fail.hint" {
        en: "the output's file system must support advisory locks (flock)",
        vi: "Hệ thống tệp của thư mục xuất bản phải hỗ trợ khóa tệp (flock)",
    }

    DO_CARRY "do.carry" { en: "carry a kept file into the new output", vi: "chuyển tệp giữ lại sang bản mới" }
    DO_CARRY_PHOTOS "do.carry_photos" {
        en: "carry the photo folder into the new output",
        vi: "chuyển thư mục ảnh sang bản mới",
    }
    DO_COPY_STATIC "do.copy_static" { en: "copy a static file", vi: "chép tệp tĩnh" }
    DO_CREATE_FOLDER "do.create_folder" { en: "create a folder", vi: "tạo thư mục" }
    DO_CREATE_STAGING "do.create_staging" { en: "create a staging folder", vi: "tạo thư mục dựng tạm" }
    DO_CREATE_PARENT "do.create_parent" {
        en: "create the output's parent folder",
        vi: "tạo thư mục chứa thư mục xuất bản",
    }
    DO_EXCHANGE "do.exchange" {
        en: "exchange the new output with the old one",
        vi: "đổi bản mới vào chỗ bản cũ",
    }
    DO_FINISH_SWAP "do.finish_swap" { en: "finish an interrupted swap", vi: "hoàn tất lần thay bản bị gián đoạn" }
    DO_LINK_STATIC "do.link_static" { en: "link or copy a static file", vi: "liên kết hoặc chép tệp tĩnh" }
    DO_MOVE_NEW "do.move_new" { en: "move the new output into place", vi: "đưa bản mới vào đúng chỗ" }
    DO_MOVE_OLD "do.move_old" { en: "move the previous output aside", vi: "dời bản cũ sang chỗ khác" }
    DO_RESTORE "do.restore" { en: "restore the last complete output", vi: "khôi phục bản hoàn chỉnh gần nhất" }
    DO_WRITE_MARKER "do.write_marker" { en: "write the marker file", vi: "ghi tệp đánh dấu" }
    DO_WRITE_STAGING_MARKER "do.write_staging_marker" {
        en: "write the staging marker",
        vi: "ghi dấu của thư mục dựng tạm",
    }
    DO_WRITE "do.write" { en: "write", vi: "ghi tệp" }
}
