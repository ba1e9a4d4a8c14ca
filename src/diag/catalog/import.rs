//! Messages of `chiso import data`.

messages! {
    IMPORT_AFTER "import.after" {
        en: "after import: {message}",
        vi: "sau khi nhập: {message}",
    }
    IMP_MAP "imp.map" { en: "`{map}`: {why}", vi: "`{map}`: {why}" }
    IMP_MAP_HINT "imp.map.hint" {
        en: "write --map \"Cột 5=<field key>\" (the 5th column, E) or --map \"E=total\"; targets: a field key, total, rank, unit, skip",
        vi: "Ghi --map \"Cột 5=<khóa lĩnh vực>\" (cột thứ 5, tức cột E) hoặc --map \"E=total\"; đích là khóa một lĩnh vực, total (tổng điểm), rank (xếp hạng), unit (đơn vị) hoặc skip (bỏ qua)",
    }
    IMP_MAP_NO_EQ "imp.map.no_eq" { en: "there is no `=`", vi: "thiếu dấu `=`" }
    IMP_MAP_FROM_1 "imp.map.from_1" { en: "columns are counted from 1", vi: "cột được đếm từ 1" }
    IMP_MAP_COLUMN "imp.map.column" {
        en: "the column is neither a number nor a letter",
        vi: "cột phải ghi bằng số hoặc bằng chữ cái (A, B, …)",
    }
    IMP_MAP_TARGET "imp.map.target" {
        en: "the target is not a field key (lowercase letters, digits, hyphens)",
        vi: "đích không phải khóa lĩnh vực (chữ thường không dấu, chữ số, gạch nối)",
    }
    IMP_MAP_NO_COLUMN "imp.map.no_column" {
        en: "--map names column {letters} (Cột {n}), which the sheet does not have",
        vi: "--map ghi cột {letters} (Cột {n}) nhưng trang tính không có cột này",
    }
    IMP_MAP_NO_COLUMN_HINT "imp.map.no_column.hint" {
        en: "count columns from A = Cột 1",
        vi: "Đếm cột từ A = Cột 1",
    }
    IMP_NO_HEADER "imp.no_header" {
        en: "no header row found: no column is headed \"Đơn vị\", \"Tên đơn vị\" or \"Địa phương\"",
        vi: "không tìm thấy dòng tiêu đề cột: không cột nào có tiêu đề \"Đơn vị\", \"Tên đơn vị\" hay \"Địa phương\"",
    }
    IMP_NO_HEADER_HINT "imp.no_header.hint" {
        en: "write \"Đơn vị\" above the units' names, or say which column holds them: --map \"Cột 2=unit\"{sheets}",
        vi: "Ghi \"Đơn vị\" lên trên cột tên đơn vị, hoặc chỉ rõ cột nào chứa tên đơn vị: --map \"Cột 2=unit\"{sheets}",
    }
    IMP_OTHER_SHEET "imp.other_sheet" {
        en: "; or read another sheet: --sheet \"{sheet}\" (sheets: {sheets})",
        vi: "; hoặc đọc trang tính khác: --sheet \"{sheet}\" (các trang tính: {sheets})",
    }
    IMP_NO_UNIT_COLUMN "imp.no_unit_column" {
        en: "no column holds the units' names",
        vi: "không có cột nào chứa tên đơn vị",
    }
    IMP_NO_UNIT_COLUMN_HINT "imp.no_unit_column.hint" {
        en: "say which column holds them by its letter, e.g. --map \"B=unit\" when they are in column B",
        vi: "Chỉ rõ cột tên đơn vị bằng chữ cái của cột, ví dụ tên đơn vị nằm ở cột B thì ghi --map \"B=unit\"",
    }
    IMP_NO_TOTAL_COLUMN "imp.no_total_column" {
        en: "no column holds the total (\"Tổng điểm\")",
        vi: "không có cột nào chứa tổng điểm (\"Tổng điểm\")",
    }
    IMP_NO_TOTAL_COLUMN_HINT "imp.no_total_column.hint" {
        en: "say which column holds the total by its letter, e.g. --map \"K=total\" when it is column K",
        vi: "Chỉ rõ cột tổng điểm bằng chữ cái của cột, ví dụ tổng điểm nằm ở cột K thì ghi --map \"K=total\"",
    }
    IMP_NO_TOTAL_COLUMN_HINT_AT "imp.no_total_column.hint_at" {
        en: "if column {letters} \"{header}\" is the total, import again with --map \"{letters}=total\"",
        vi: "Nếu cột {letters} \"{header}\" là tổng điểm, hãy nhập lại với --map \"{letters}=total\"",
    }
    IMP_UNPLACED "imp.unplaced" {
        en: "cannot place column {letters} (Cột {n}) \"{header}\": {why}",
        vi: "không biết cột {letters} (Cột {n}) \"{header}\" chứa gì: {why}",
    }
    IMP_UNPLACED_HINT "imp.unplaced.hint" {
        en: "say what it holds: --map \"{letters}=<target>\", where the target is {targets}, total, rank, unit or skip",
        vi: "Chỉ rõ cột chứa gì: --map \"{letters}=<đích>\", đích là {targets}, total (tổng điểm), rank (xếp hạng), unit (đơn vị) hoặc skip (bỏ qua)",
    }
    IMP_WHY_NO_HEADER "imp.why.no_header" {
        en: "it has values but no header",
        vi: "cột có số liệu nhưng không có tiêu đề",
    }
    IMP_WHY_NO_FIELD "imp.why.no_field" {
        en: "no field of the dataset has this name",
        vi: "bộ dữ liệu không có lĩnh vực nào mang tên này",
    }
    IMP_WHY_MANY_FIELDS "imp.why.many_fields" {
        en: "more than one field of the dataset has this name",
        vi: "bộ dữ liệu có nhiều lĩnh vực cùng mang tên này",
    }
    IMP_WHY_UNKNOWN "imp.why.unknown" {
        en: "the header is not a unit, total or rank, and gives no maximum in brackets for a field",
        vi: "tiêu đề không phải đơn vị, tổng điểm hay xếp hạng, và không ghi điểm tối đa trong ngoặc như một lĩnh vực",
    }
    IMP_MAX_DIFFERS "imp.max_differs" {
        en: "column {letters} \"{header}\" gives a maximum of {max}, but field `{key}` has max {field_max}",
        vi: "cột {letters} \"{header}\" ghi điểm tối đa {max}, nhưng lĩnh vực `{key}` có điểm tối đa {field_max}",
    }
    IMP_MAX_DIFFERS_HINT "imp.max_differs.hint" {
        en: "check the sheet, or fix the field's `max:` in the dataset",
        vi: "Kiểm tra lại bảng tính, hoặc sửa `max:` của lĩnh vực trong bộ dữ liệu",
    }
    IMP_MAP_NO_FIELD "imp.map_no_field" {
        en: "--map names field `{key}`, which the dataset does not declare",
        vi: "--map ghi lĩnh vực `{key}` nhưng bộ dữ liệu không có lĩnh vực này",
    }
    IMP_MAP_NO_FIELD_HINT "imp.map_no_field.hint" {
        en: "fields: {keys}; a new field must first be added to `fields:` in the dataset",
        vi: "Các lĩnh vực: {keys}; lĩnh vực mới phải được thêm vào `fields:` của bộ dữ liệu trước",
    }
    IMP_NO_MAX "imp.no_max" {
        en: "column {letters} is mapped to field `{key}` but its header \"{header}\" gives no maximum",
        vi: "cột {letters} được gán cho lĩnh vực `{key}` nhưng tiêu đề \"{header}\" không ghi điểm tối đa",
    }
    IMP_NO_MAX_HINT "imp.no_max.hint" {
        en: "write the field's maximum in brackets in the header, e.g. \"Cải cách thể chế (10)\"",
        vi: "Ghi điểm tối đa của lĩnh vực trong ngoặc ở tiêu đề cột, ví dụ \"Cải cách thể chế (10)\"",
    }
    IMP_AMBIGUOUS_COLUMNS "imp.ambiguous_columns" {
        en: "columns {b} \"{b_header}\" and {a} \"{a_header}\" both look like {what}: the header is ambiguous",
        vi: "hai cột {b} \"{b_header}\" và {a} \"{a_header}\" đều có vẻ là {what}: tiêu đề chưa đủ rõ",
    }
    IMP_AMBIGUOUS_COLUMNS_HINT "imp.ambiguous_columns.hint" {
        en: "say which is which, e.g. --map \"{letters}=skip\" (or another target: a field key, total, rank, unit)",
        vi: "Chỉ rõ cột nào là cột nào, ví dụ --map \"{letters}=skip\" (hoặc đích khác: khóa lĩnh vực, total, rank, unit)",
    }
    IMP_ROLE_UNIT "imp.role.unit" { en: "the unit's name", vi: "tên đơn vị" }
    IMP_ROLE_TOTAL "imp.role.total" { en: "the total", vi: "tổng điểm" }
    IMP_ROLE_RANK "imp.role.rank" { en: "the rank", vi: "xếp hạng" }
    IMP_ROLE_YEAR "imp.role.year" { en: "the year", vi: "năm" }
    IMP_ROLE_KEY "imp.role.key" { en: "the unit's code", vi: "mã đơn vị" }
    IMP_ROLE_FIELD "imp.role.field" { en: "field `{key}`", vi: "lĩnh vực `{key}`" }
    IMP_NO_ROWS "imp.no_rows" {
        en: "no unit's row was found below the header",
        vi: "không thấy dòng đơn vị nào dưới dòng tiêu đề",
    }
    IMP_NO_ROWS_HINT "imp.no_rows.hint" {
        en: "check that each unit's row has its name and its numbers",
        vi: "Kiểm tra mỗi dòng đơn vị có tên và số liệu",
    }
    IMP_NO_SOURCE "imp.no_source" {
        en: "dataset `{dataset}` does not say where its figures come from yet",
        vi: "bộ dữ liệu `{dataset}` chưa ghi nguồn số liệu",
    }
    IMP_NO_SOURCE_HINT "imp.no_source.hint" {
        en: "replace the placeholder with the publisher and the decision, e.g. `- { name: \"UBND tỉnh Lai Châu\", note: \"Quyết định số …/QĐ-UBND ngày …\" }`",
        vi: "Thay dòng tạm bằng cơ quan công bố và số quyết định, ví dụ `- { name: \"UBND tỉnh Lai Châu\", note: \"Quyết định số …/QĐ-UBND ngày …\" }`",
    }
    IMP_TARGETS_FIELDS "imp.targets_fields" { en: "one of the fields ({keys})", vi: "một trong các lĩnh vực ({keys})" }
    IMP_TARGETS_NEW "imp.targets_new" { en: "a new field key", vi: "khóa của một lĩnh vực mới" }
    IMP_NOT_YEAR "imp.not_year" { en: "the year is not a year such as 2022", vi: "năm viết chưa đúng: năm phải có bốn chữ số, ví dụ 2022" }
    IMP_NOT_YEAR_HINT "imp.not_year.hint" { en: "write the year as four digits", vi: "Ghi năm bằng bốn chữ số" }
    IMP_NO_NAME "imp.no_name" {
        en: "this row has numbers but no unit name",
        vi: "dòng này có số liệu nhưng thiếu tên đơn vị",
    }
    IMP_NO_NAME_HINT "imp.no_name.hint" {
        en: "type the unit's name in this cell, or delete the row",
        vi: "Gõ tên đơn vị vào ô này, hoặc xóa dòng đó",
    }
    IMP_NUMBER_HINT "imp.number.hint" {
        en: "write a number such as 72,10 or 72.10, or leave the cell empty when there is no figure",
        vi: "Ghi một con số như 72,10 hoặc 72.10, hoặc để trống ô khi không có số liệu",
    }
    IMP_NOT_NUMBER "imp.not_number" { en: "`{text}` is not a number", vi: "`{text}` không phải là số" }
    IMP_CELL_NOT_NUMBER "imp.cell_not_number" {
        en: "the cell holds {what}, not a number",
        vi: "ô này chứa {what}, không phải con số",
    }
    IMP_BAD_RANK "imp.bad_rank" {
        en: "a rank must be a whole number from 1, not {value}",
        vi: "xếp hạng phải là số nguyên từ 1 trở lên, không phải {value}",
    }
    IMP_BAD_RANK_HINT "imp.bad_rank.hint" {
        en: "leave the cell empty for an unranked unit",
        vi: "Để trống ô nếu đơn vị không được xếp hạng",
    }
    IMP_NO_SUCH_YEAR "imp.no_such_year" {
        en: "the table has no row for {year}; its years: {years}",
        vi: "bảng không có dòng nào của năm {year}; các năm trong bảng: {years}",
    }
    IMP_NO_SUCH_YEAR_HINT "imp.no_such_year.hint" {
        en: "choose one of its years with --year",
        vi: "Chọn một trong các năm đó bằng --year",
    }
    IMP_MANY_YEARS "imp.many_years" {
        en: "the table holds several years ({years})",
        vi: "bảng có số liệu của nhiều năm ({years})",
    }
    IMP_MANY_YEARS_HINT "imp.many_years.hint" {
        en: "import one year at a time: --year 2022",
        vi: "Nhập từng năm một: --year 2022",
    }
    IMP_UNIT_TWICE "imp.unit_twice" {
        en: "unit \"{name}\" is listed twice (also at {other})",
        vi: "đơn vị \"{name}\" có hai dòng (dòng kia ở {other})",
    }
    IMP_UNIT_TWICE_HINT "imp.unit_twice.hint" { en: "delete one of the two rows", vi: "Xóa một trong hai dòng" }
    IMP_NO_YEAR "imp.no_year" {
        en: "the sheet does not say which year the table is for",
        vi: "trang tính không ghi bảng này của năm nào",
    }
    IMP_NO_YEAR_HINT "imp.no_year.hint" { en: "give it: --year 2022", vi: "Ghi rõ năm: --year 2022" }
    IMP_TITLE_YEARS "imp.title_years" {
        en: "the sheet's title names more than one year ({years})",
        vi: "tiêu đề trang tính ghi nhiều năm ({years})",
    }
    IMP_TITLE_YEARS_HINT "imp.title_years.hint" { en: "say which: --year 2022", vi: "Ghi rõ năm nào: --year 2022" }
    IMP_SAME_KEY "imp.same_key" {
        en: "units \"{a}\" and \"{b}\" would both get the key `{key}`",
        vi: "hai đơn vị \"{a}\" và \"{b}\" sẽ cùng có mã `{key}`",
    }
    IMP_SAME_KEY_HINT "imp.same_key.hint" {
        en: "write the two names so that they differ in more than accents or case (or give them different codes)",
        vi: "Viết hai tên khác nhau rõ hơn, không chỉ khác dấu hay chữ hoa (hoặc cho hai đơn vị hai mã khác nhau)",
    }
    IMP_UNKNOWN_UNIT "imp.unknown_unit" {
        en: "unit \"{name}\" is not a unit of dataset `{dataset}`",
        vi: "\"{name}\" không phải đơn vị của bộ dữ liệu `{dataset}`",
    }
    IMP_UNKNOWN_UNIT_HINT "imp.unknown_unit.hint" {
        en: "if it is a new unit, import again with --add-units; if it is a known unit written differently, write its name as the dataset does ({names})",
        vi: "Nếu là đơn vị mới, nhập lại kèm --add-units; nếu là đơn vị đã có nhưng viết khác, hãy viết tên như trong bộ dữ liệu ({names})",
    }
    IMP_AMBIGUOUS_UNIT "imp.ambiguous_unit" {
        en: "\"{name}\" names more than one unit of the dataset ({keys})",
        vi: "\"{name}\" trùng với nhiều đơn vị của bộ dữ liệu ({keys})",
    }
    IMP_AMBIGUOUS_UNIT_HINT "imp.ambiguous_unit.hint" {
        en: "write the unit's full name as the dataset does",
        vi: "Viết đầy đủ tên đơn vị như trong bộ dữ liệu",
    }
    IMP_CANNOT_EDIT "imp.cannot_edit" { en: "cannot edit the dataset: {why}", vi: "không sửa được bộ dữ liệu: {why}" }
    IMP_CANNOT_EDIT_HINT "imp.cannot_edit.hint" {
        en: "write `results:` and `units:` as block lists (one `- ` item per line), as chiso import does",
        vi: "Viết `results:` và `units:` dạng danh sách khối (mỗi mục `- ` một dòng), như chiso import vẫn ghi",
    }
    IMP_DATASET_BROKEN "imp.dataset_broken" {
        en: "the dataset has errors of its own, so nothing was imported into it",
        vi: "bộ dữ liệu đang có lỗi nên chưa nhập gì vào",
    }
    IMP_DATASET_BROKEN_HINT "imp.dataset_broken.hint" {
        en: "fix the errors below (chiso check lists them too), then import again",
        vi: "Sửa các lỗi dưới đây (chiso check cũng liệt kê), rồi nhập lại",
    }
    IMP_BREAKS_SCHEMA "imp.breaks_schema" {
        en: "the imported table breaks a rule of the data schema; nothing was written",
        vi: "số liệu trong bảng chưa đúng quy tắc của bộ dữ liệu chỉ số; chưa ghi gì",
    }
    IMP_BREAKS_SCHEMA_HINT "imp.breaks_schema.hint" {
        en: "the problems are listed below at their cells of the sheet; fix the sheet and import again",
        vi: "Các chỗ sai liệt kê dưới đây, kèm ô của bảng tính; sửa bảng tính rồi nhập lại",
    }
    IMP_INTO_YAML "imp.into_yaml" { en: "--into must name a .yaml file", vi: "--into phải là một tệp .yaml" }
    IMP_INTO_YAML_HINT "imp.into_yaml.hint" {
        en: "write --into content/data/<slug>.yaml",
        vi: "Ghi --into content/data/<slug>.yaml",
    }
    IMP_INTO_SLUG "imp.into_slug" {
        en: "`{slug}` is not a valid dataset slug",
        vi: "`{slug}` không dùng làm tên bộ dữ liệu được",
    }
    IMP_INTO_SLUG_HINT "imp.into_slug.hint" {
        en: "name the file with lowercase ASCII letters, digits and hyphens, e.g. content/data/chi-so-cchc.yaml",
        vi: "Đặt tên tệp bằng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ content/data/chi-so-cchc.yaml",
    }
    IMP_INTO_FOLDER "imp.into_folder" {
        en: "the folder of --into does not exist",
        vi: "thư mục của --into không tồn tại",
    }
    IMP_INTO_FOLDER_HINT "imp.into_folder.hint" {
        en: "run chiso in the site's root, where content/data/ is",
        vi: "Chạy chiso trong thư mục gốc của trang web, nơi có content/data/",
    }
    IMP_WRITE "imp.write" { en: "cannot write: {reason}", vi: "không ghi được: {reason}" }
    IMP_WRITE_HINT "imp.write.hint" { en: "check that the folder is writable", vi: "Kiểm tra quyền ghi vào thư mục" }
    IMP_READ "imp.read" { en: "cannot read: {reason}", vi: "không đọc được: {reason}" }
    IMP_READ_HINT "imp.read.hint" {
        en: "check the spreadsheet's path (relative to the folder you run chiso in)",
        vi: "Kiểm tra đường dẫn tệp bảng tính (tính từ thư mục đang chạy chiso)",
    }
    IMP_TOO_BIG "imp.too_big" {
        en: "the file is {len} bytes, more than the limit of {max}",
        vi: "tệp nặng {len} byte, vượt giới hạn {max} byte",
    }
    IMP_TOO_BIG_HINT "imp.too_big.hint" {
        en: "save the table alone in a new file",
        vi: "Lưu riêng bảng đó sang một tệp mới",
    }
    IMP_CSV_SHEET "imp.csv_sheet" {
        en: "a CSV file has no sheets, so --sheet cannot be used",
        vi: "tệp CSV không có trang tính nên không dùng được --sheet",
    }
    IMP_CSV_SHEET_HINT "imp.csv_sheet.hint" { en: "leave out --sheet", vi: "Bỏ --sheet đi" }
    IMP_DAMAGED "imp.damaged" {
        en: "cannot read the workbook: it is damaged",
        vi: "không đọc được tệp bảng tính: tệp bị hỏng",
    }
    IMP_RESAVE_HINT "imp.resave.hint" {
        en: "open it in Excel or LibreOffice and save it again as .xlsx",
        vi: "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx",
    }
    IMP_NOT_SPREADSHEET "imp.not_spreadsheet" {
        en: "`.{ext}` is not a spreadsheet chiso reads",
        vi: "chiso không đọc được tệp `.{ext}`",
    }
    IMP_NOT_SPREADSHEET_HINT "imp.not_spreadsheet.hint" {
        en: "save the table as .xlsx, .xls, .ods or .csv",
        vi: "Lưu bảng dưới dạng .xlsx, .xls, .ods hoặc .csv",
    }

    NOTE_SHEET "note.sheet" {
        en: "read sheet `{sheet}`, the first of {n} ({sheets}); choose another with --sheet",
        vi: "đã đọc trang tính `{sheet}`, trang tính đầu tiên trong {n} trang tính ({sheets}); chọn trang tính khác bằng --sheet",
    }
    NOTE_SKIPPED "note.skipped" { en: "skipped {what}", vi: "đã bỏ qua {what}" }
    SKIP_NOTE "skip.note" { en: "row {row}: \"{text}\" (a note)", vi: "dòng {row}: \"{text}\" (ghi chú)" }
    SKIP_MAX "skip.max" {
        en: "row {row}: the maximums (read as the fields' max)",
        vi: "dòng {row}: điểm tối đa (đọc làm điểm tối đa của các lĩnh vực)",
    }
    SKIP_NUMBERS "skip.numbers" { en: "row {row}: column numbers", vi: "dòng {row}: số thứ tự cột" }
    SKIP_NO_NAME "skip.no_name" { en: "row {row}: \"{text}\" (no unit name)", vi: "dòng {row}: \"{text}\" (không có tên đơn vị)" }
    SKIP_SUMMARY "skip.summary" { en: "row {row}: \"{text}\" (a summary row)", vi: "dòng {row}: \"{text}\" (dòng tổng hợp)" }
    SKIP_HEADING "skip.heading" {
        en: "row {row}: \"{text}\" (no number: a heading or note)",
        vi: "dòng {row}: \"{text}\" (không có số: tiêu đề hoặc ghi chú)",
    }
    SKIP_OTHER_YEARS "skip.other_years" { en: "{n} rows of other years", vi: "{n} dòng của các năm khác" }
    NOTE_YEAR_GIVEN "note.year_given" {
        en: "the sheet's title names {named}, but --year {year} was given: the table went in as {year}",
        vi: "tiêu đề trang tính ghi năm {named}, nhưng có --year {year}: bảng được nhập là năm {year}",
    }
    NOTE_YEAR_READ "note.year_read" {
        en: "year {year} read from the sheet's title or name; give --year to choose another",
        vi: "năm {year} lấy từ tiêu đề hoặc tên trang tính; ghi --year để chọn năm khác",
    }
    NOTE_SCALE "note.scale" {
        en: "scale: max {max} ({why}), unit \"{unit}\", {decimals} decimals",
        vi: "thang điểm: tối đa {max} ({why}), đơn vị \"{unit}\", {decimals} chữ số thập phân",
    }
    WHY_HEADER "why.header" { en: "the total's header", vi: "lấy từ tiêu đề cột tổng điểm" }
    WHY_FIELD_SUM "why.field_sum" { en: "the sum of the fields' maximums", vi: "tổng điểm tối đa của các lĩnh vực" }
    WHY_DEFAULT "why.default" { en: "a default: check it", vi: "giá trị mặc định: hãy kiểm tra" }
    WHY_LARGEST "why.largest" { en: "the largest total: check it", vi: "tổng điểm lớn nhất: hãy kiểm tra" }
    NOTE_SOURCE "note.source" {
        en: "fill in `source:` (it says \"{placeholder}\" until then; chiso check warns about it)",
        vi: "hãy điền `source:` (tạm thời ghi \"{placeholder}\"; chiso check sẽ cảnh báo cho tới khi sửa)",
    }
    NOTE_REPLACED "note.replaced" {
        en: "replaced year {year} (the other years are unchanged)",
        vi: "đã thay năm {year} (các năm khác giữ nguyên)",
    }
    NOTE_ADDED "note.added" {
        en: "added year {year} (the other years are unchanged)",
        vi: "đã thêm năm {year} (các năm khác giữ nguyên)",
    }
    NOTE_UNITS "note.units" { en: "added units: {names}", vi: "đã thêm đơn vị: {names}" }

    IMP_OPEN "imp.open" { en: "cannot open the workbook: {detail}", vi: "không mở được tệp bảng tính{detail}" }
    IMP_NO_SHEET "imp.no_sheet" { en: "the workbook has no sheet `{sheet}`", vi: "tệp bảng tính không có trang tính `{sheet}`" }
    IMP_SHEETS_HINT "imp.sheets.hint" { en: "sheets: {sheets}", vi: "Các trang tính: {sheets}" }
    IMP_NO_SHEETS "imp.no_sheets" { en: "the workbook has no sheet", vi: "tệp bảng tính không có trang tính nào" }
    IMP_NO_SHEETS_HINT "imp.no_sheets.hint" { en: "save the table in a sheet", vi: "Lưu bảng vào một trang tính" }
    IMP_READ_SHEET "imp.read_sheet" { en: "cannot read sheet `{sheet}`: {detail}", vi: "không đọc được trang tính `{sheet}`{detail}" }
    IMP_READ_FILE_HINT "imp.read_file.hint" {
        en: "check the file's path and permissions",
        vi: "Kiểm tra đường dẫn và quyền đọc tệp",
    }
    IMP_CSV_UTF8 "imp.csv_utf8" { en: "the CSV file is not UTF-8", vi: "tệp CSV không được lưu ở dạng UTF-8" }
    IMP_CSV_UTF8_HINT "imp.csv_utf8.hint" {
        en: "in Excel: Save As → \"CSV UTF-8 (Comma delimited)\"; in LibreOffice choose the UTF-8 character set",
        vi: "Trong Excel: Tệp → Lưu Như → chọn kiểu \"CSV UTF-8 (Comma delimited)\"; trong LibreOffice chọn bảng mã UTF-8",
    }
    IMP_CSV_READ "imp.csv_read" { en: "cannot read the CSV: {detail}", vi: "không đọc được tệp CSV{detail}" }
    IMP_CSV_READ_HINT "imp.csv_read.hint" { en: "check the quotes around values", vi: "Kiểm tra dấu nháy quanh các giá trị" }
    IMP_FORMULA_NO_VALUE "imp.formula_no_value" {
        en: "the cell holds a formula that was never computed: the file has no value for it",
        vi: "ô này có công thức nhưng tệp chưa lưu kết quả của công thức",
    }
    IMP_FORMULA_NO_VALUE_HINT "imp.formula_no_value.hint" {
        en: "open the file in Excel and save it again so that Excel computes the formulas",
        vi: "Hãy mở tệp bằng Excel rồi lưu lại để Excel tính các công thức",
    }
    NOTE_SHORT "note.short" {
        en: "{count} units got a short name for charts (`short:`, the name without \"Huyện\", \"Thành phố\", \"Thị xã\", \"Xã\", \"Phường\"), e.g. {name} → {short}; edit them in the file if needed",
        vi: "{count} đơn vị được ghi thêm tên ngắn cho biểu đồ (`short:`, bỏ chữ \"Huyện\", \"Thành phố\", \"Thị xã\", \"Xã\", \"Phường\"), ví dụ {name} → {short}; có thể sửa lại trong tệp",
    }
}
