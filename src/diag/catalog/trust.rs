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
        en: "the disk (or your quota) is full: free some space and try again",
        vi: "Ổ đĩa (hoặc hạn mức dung lượng của bạn) đã đầy: giải phóng bớt dung lượng rồi thử lại",
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
    TRUST_IO_XDEV_ANY_HINT "trust.io.xdev_any.hint" {
        en: "a file cannot be moved from one file system (a drive, a mount) to another in one step: keep the two folders on the same one",
        vi: "Không thể chuyển một tệp từ hệ thống tệp này (phân vùng, điểm gắn kết) sang hệ thống tệp khác trong một bước: hãy để hai thư mục trên cùng một hệ thống tệp",
    }
    TRUST_IO_BUSY_ANY_HINT "trust.io.busy_any.hint" {
        en: "another program holds it (an editor, a sync client, a web server), or it is a mount point: close that program and try again",
        vi: "Một chương trình khác đang giữ nó (trình soạn thảo, phần mềm đồng bộ, máy chủ web), hoặc nó là một điểm gắn kết: đóng chương trình đó rồi thử lại",
    }
    TRUST_IO_READONLY_ANY_HINT "trust.io.readonly_any.hint" {
        en: "the file system is read-only (a read-only mount, a CD, a locked card): work in a writable copy",
        vi: "Hệ thống tệp chỉ cho đọc (điểm gắn kết chỉ đọc, CD, thẻ nhớ bị khóa): hãy làm việc trên một bản sao ghi được",
    }
    TRUST_IO_PERMISSION_ANY_HINT "trust.io.permission_any.hint" {
        en: "the user chiso runs as may not do this there: check the owner and permissions of the file and of its folder (ls -l)",
        vi: "Người dùng đang chạy chiso không có quyền làm việc này ở đó: kiểm tra chủ sở hữu và quyền của tệp và của thư mục chứa nó (ls -l)",
    }
    TRUST_IO_NAME_TOO_LONG_HINT "trust.io.name_too_long.hint" {
        en: "most file systems allow 255 bytes per name, and a Vietnamese letter with marks takes 2 or 3 of them: shorten the file name or the slug",
        vi: "Phần lớn hệ thống tệp chỉ cho mỗi tên tối đa 255 byte, mà mỗi chữ tiếng Việt có dấu chiếm 2 hoặc 3 byte: hãy đặt tên tệp hoặc slug ngắn hơn",
    }
    TRUST_IO_LOOP_HINT "trust.io.loop.hint" {
        en: "a symbolic link on the way loops back or leads through too many links: remove it, or point it at a real file or folder",
        vi: "Một liên kết tượng trưng (symlink) trên đường dẫn trỏ vòng hoặc đi qua quá nhiều liên kết: xóa nó đi, hoặc cho nó trỏ tới một tệp hay thư mục có thật",
    }
    TRUST_IO_NOT_FOUND_HINT "trust.io.not_found.hint" {
        en: "it is not there: it was moved or deleted (perhaps while chiso ran), or the path is misspelt",
        vi: "Không tìm thấy: nó đã bị chuyển đi hoặc xóa (có thể ngay lúc chiso đang chạy), hoặc đường dẫn bị gõ sai",
    }
    TRUST_UNZIPPED_TOO_BIG "trust.unzipped_too_big" {
        en: "the spreadsheet unpacks to more than {max} MB (at {part}); a table for chiso is far smaller, and a file that grows this much may be made to exhaust memory, so it is not opened",
        vi: "bảng tính khi giải nén vượt quá {max} MB (tới {part}); một bảng số liệu cho chiso nhỏ hơn nhiều, và tệp phình to đến vậy có thể được tạo ra để làm cạn bộ nhớ, nên không mở tệp này",
    }
    TRUST_UNZIPPED_TOO_BIG_HINT "trust.unzipped_too_big.hint" {
        en: "copy the table alone into a new spreadsheet, or save it as CSV, and import that",
        vi: "Chép riêng bảng số liệu sang một bảng tính mới, hoặc lưu thành CSV, rồi nhập tệp đó",
    }
    TRUST_ZIP_TOO_MANY_PARTS "trust.zip_too_many_parts" {
        en: "the spreadsheet is a zip of {parts} parts, more than the {max} chiso opens; a workbook has tens, and a file made of this many may be made to exhaust memory, so it is not opened",
        vi: "bảng tính là một tệp nén gồm {parts} phần, nhiều hơn mức {max} phần mà chiso chịu mở; một bảng tính thường chỉ có vài chục phần, và tệp nhiều phần đến vậy có thể được tạo ra để làm cạn bộ nhớ, nên không mở tệp này",
    }
    TRUST_XLS_DIMENSIONS "trust.xls_dimensions" {
        en: "the spreadsheet declares a sheet of {rows} rows × {cols} columns; an import reads at most {max_rows} rows, {max_cols} columns and {max_cells} cells, so it is not opened (a size like this, written into a small file, would exhaust memory)",
        vi: "bảng tính khai báo một trang tính {rows} dòng × {cols} cột; lệnh nhập chỉ đọc tối đa {max_rows} dòng, {max_cols} cột và {max_cells} ô nên không mở tệp này (khai báo cỡ đó trong một tệp nhỏ sẽ làm cạn bộ nhớ)",
    }
    TRUST_XLS_DIMENSIONS_HINT "trust.xls_dimensions.hint" {
        en: "open the file in Excel or LibreOffice, copy the table alone into a new file and save it as .xlsx (or split a table that really is this large)",
        vi: "Mở tệp bằng Excel hoặc LibreOffice, chép riêng bảng số liệu sang một tệp mới rồi lưu dạng .xlsx (hoặc chia nhỏ nếu bảng thật sự lớn như vậy)",
    }
    TRUST_IO_R_BUSY "trust.io.r.busy" { en: "it is in use or a mount point", vi: "đang được dùng hoặc là một điểm gắn kết" }
    TRUST_IO_R_XDEV "trust.io.r.xdev" {
        en: "it would cross from one file system to another",
        vi: "phải chuyển từ hệ thống tệp này sang hệ thống tệp khác",
    }
    TRUST_IO_R_NAME_TOO_LONG "trust.io.r.name_too_long" {
        en: "a name in the path is too long for the file system",
        vi: "có một tên trong đường dẫn dài quá mức hệ thống tệp cho phép",
    }
    TRUST_IO_R_QUOTA "trust.io.r.quota" { en: "your disk quota is used up", vi: "đã dùng hết hạn mức dung lượng đĩa của bạn" }
    TRUST_IO_R_LOOP "trust.io.r.loop" {
        en: "symbolic links loop, or there are too many on the way",
        vi: "liên kết tượng trưng (symlink) trỏ vòng, hoặc đường dẫn đi qua quá nhiều liên kết",
    }
}
