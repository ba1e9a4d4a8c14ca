//! Messages of the index datasets (content/data/*.yaml): every rule of
//! docs/data-schema.md (data/validate/).

messages! {
    DATA_YML "data.yml" { en: "dataset files must end in `.yaml`", vi: "tệp bộ dữ liệu phải có đuôi `.yaml`" }
    DATA_YML_HINT "data.yml.hint" {
        en: "rename the file to end in .yaml (it is not read otherwise)",
        vi: "Đổi đuôi tệp thành .yaml (nếu không, tệp sẽ không được đọc)",
    }
    DATA_BAD_NAME "data.bad_name" {
        en: "dataset file name `{slug}` is not a valid slug",
        vi: "tên tệp bộ dữ liệu `{slug}` không hợp lệ",
    }
    DATA_BAD_NAME_HINT "data.bad_name.hint" {
        en: "rename the file using lowercase ASCII letters, digits and hyphens, e.g. par-index.yaml",
        vi: "Đặt lại tên tệp bằng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ par-index.yaml",
    }
    DV_NOT_FINITE "dv.not_finite" { en: "{what} is not a finite number", vi: "{what} không phải một số hợp lệ (vô cực hoặc không xác định)" }
    DV_NOT_FINITE_HINT "dv.not_finite.hint" { en: "write an ordinary number such as 72.10", vi: "Ghi một số cụ thể, ví dụ 72.10" }
    DV_TEXT_NOT_NUMBER "dv.text_not_number" {
        en: "{what} is text (\"{text}\"), not a number",
        vi: "{what} đang là chữ (\"{text}\"), không phải con số",
    }
    DV_BOOL_NOT_NUMBER "dv.bool_not_number" { en: "{what} is `{value}`, not a number", vi: "{what} đang là `{value}`, không phải con số" }
    DV_BOOL_HINT "dv.bool.hint" {
        en: "write a number such as 72.10, or null if the value is not available",
        vi: "Ghi một con số như 72.10, hoặc null nếu không có số liệu",
    }
    DV_NULL "dv.null" { en: "{what} cannot be null", vi: "{what} không được để null (trống)" }
    DV_NULL_HINT "dv.null.hint" { en: "write a number", vi: "Ghi một con số" }
    DV_NOT_WHOLE "dv.not_whole" {
        en: "{what} is {value}; it must be a whole number from {lo} to {hi}",
        vi: "{what} đang là {value}; phải là số nguyên từ {lo} đến {hi}",
    }
    DV_NOT_WHOLE_HINT "dv.not_whole.hint" { en: "write a whole number between {lo} and {hi}", vi: "Ghi một số nguyên từ {lo} đến {hi}" }
    DV_MISSING_KEY "dv.missing_key" { en: "missing required key `{key}`", vi: "thiếu khóa bắt buộc `{key}`" }
    DV_EMPTY "dv.empty" { en: "`{key}` is empty", vi: "`{key}` để trống" }
    DV_NUMBER_HINT "dv.number.hint" {
        en: "write {number} without quotes: numbers use a decimal point, e.g. 72.10",
        vi: "Ghi {number} không có dấu nháy: số dùng dấu chấm thập phân, ví dụ 72.10",
    }
    DV_NUMBER_ANY_HINT "dv.number_any.hint" {
        en: "write a number without quotes and with a decimal point, e.g. 72.10, or null if the value is not available",
        vi: "Ghi con số không có dấu nháy, dùng dấu chấm thập phân, ví dụ 72.10, hoặc null nếu không có số liệu",
    }
    DV_FIELD_NAME_HINT "dv.field_name.hint" {
        en: "write the field's name, e.g. `name: \"Cải cách thể chế\"`",
        vi: "Ghi tên lĩnh vực, ví dụ `name: \"Cải cách thể chế\"`",
    }
    DV_TITLE_HINT "dv.title.hint" {
        en: "add `title: \"…\"`, the full title of the index table",
        vi: "Thêm `title: \"…\"`: tên đầy đủ của bảng chỉ số",
    }
    DV_SHORT_TITLE_HINT "dv.short_title.hint" {
        en: "write a short title or remove the key",
        vi: "Ghi tên ngắn, hoặc xóa dòng này",
    }
    DV_SOURCE_NAME_HINT "dv.source_name.hint" {
        en: "name the publisher of the figures: `name: \"…\"`",
        vi: "Ghi cơ quan công bố số liệu: `name: \"…\"`",
    }
    DV_BAND_NAME_HINT "dv.band_name.hint" { en: "name the band, e.g. `name: \"Tốt\"`", vi: "Ghi tên mức xếp loại, ví dụ `name: \"Tốt\"`" }
    DV_UNIT_NAME_HINT "dv.unit_name.hint" {
        en: "write the unit's full name, e.g. `name: \"Huyện Phong Thổ\"`",
        vi: "Ghi tên đầy đủ của đơn vị, ví dụ `name: \"Huyện Phong Thổ\"`",
    }
    DV_UNIT_SHORT_HINT "dv.unit_short.hint" {
        en: "write a short name or remove the key",
        vi: "Ghi tên ngắn của đơn vị, hoặc xóa dòng này",
    }

    DV_FIELD_NO_KEY "dv.field_no_key" { en: "missing required key `key` in field", vi: "lĩnh vực thiếu khóa bắt buộc `key`" }
    DV_FIELD_NO_KEY_HINT "dv.field_no_key.hint" {
        en: "add `key:`, the short code used in scores, e.g. `chi-dao`",
        vi: "Thêm `key:`: mã ngắn dùng trong phần điểm, ví dụ `chi-dao`",
    }
    DV_FIELD_EMPTY_KEY "dv.field_empty_key" { en: "field `key` is empty", vi: "`key` của lĩnh vực để trống" }
    DV_FIELD_EMPTY_KEY_HINT "dv.field_empty_key.hint" { en: "write a short code, e.g. `chi-dao`", vi: "Ghi một mã ngắn, ví dụ `chi-dao`" }
    DV_FIELD_TWICE "dv.field_twice" {
        en: "field key `{key}` is declared twice (first at line {first})",
        vi: "mã lĩnh vực `{key}` được khai báo hai lần (lần đầu ở dòng {first})",
    }
    DV_FIELD_TWICE_HINT "dv.field_twice.hint" { en: "each field needs its own key", vi: "Mỗi lĩnh vực cần một mã riêng" }
    DV_FIELD_NO_MAX "dv.field_no_max" { en: "missing required key `max` in field", vi: "lĩnh vực thiếu khóa bắt buộc `max`" }
    DV_FIELD_NO_MAX_HINT "dv.field_no_max.hint" {
        en: "add `max:`, the largest possible value of this field",
        vi: "Thêm `max:`: điểm tối đa của lĩnh vực này",
    }
    DV_FIELD_MAX "dv.field_max" { en: "field max is {value}; it must be above 0", vi: "điểm tối đa của lĩnh vực đang là {value}; phải lớn hơn 0" }
    DV_FIELD_MAX_HINT "dv.field_max.hint" { en: "write the field's largest possible value", vi: "Ghi điểm tối đa của lĩnh vực" }
    DV_SUM_NO_FIELDS "dv.sum_no_fields" {
        en: "`total: sum_of_fields` but no fields are declared",
        vi: "có `total: sum_of_fields` nhưng chưa khai báo lĩnh vực nào",
    }
    DV_SUM_NO_FIELDS_HINT "dv.sum_no_fields.hint" {
        en: "declare `fields:` (for the dataset or per year) or write `total: independent`",
        vi: "Khai báo `fields:` (cho cả bộ dữ liệu hoặc từng năm), hoặc ghi `total: independent`",
    }

    DV_NO_SOURCE "dv.no_source" { en: "missing required key `source`", vi: "thiếu khóa bắt buộc `source` (nguồn số liệu)" }
    DV_NO_SOURCE_HINT "dv.no_source.hint" {
        en: "add `source:` with at least one entry, e.g. `- { name: \"UBND tỉnh …\", url: \"https://…\" }`",
        vi: "Thêm `source:` với ít nhất một nguồn, ví dụ `- { name: \"UBND tỉnh …\", url: \"https://…\" }`",
    }
    DV_SOURCE_EMPTY "dv.source_empty" { en: "`source` is empty", vi: "`source` (nguồn số liệu) để trống" }
    DV_SOURCE_EMPTY_HINT "dv.source_empty.hint" { en: "name at least one source: `- { name: \"…\" }`", vi: "Ghi ít nhất một nguồn: `- { name: \"…\" }`" }
    DV_SOURCE_URL "dv.source_url" {
        en: "source url `{url}` is not an http(s) address",
        vi: "địa chỉ nguồn `{url}` không phải địa chỉ http(s)",
    }
    DV_SOURCE_URL_HINT "dv.source_url.hint" {
        en: "write a full address starting with https:// or remove `url`",
        vi: "Ghi địa chỉ đầy đủ bắt đầu bằng https://, hoặc xóa `url`",
    }
    DV_STATUS "dv.status" { en: "unknown status `{value}`", vi: "trạng thái `{value}` không hợp lệ" }
    DV_STATUS_HINT "dv.status.hint" {
        en: "write `status: published` or `status: illustrative`",
        vi: "Ghi `status: published` (đã công bố) hoặc `status: illustrative` (số liệu minh họa)",
    }
    DV_TOTAL_MODE "dv.total_mode" { en: "unknown total mode `{value}`", vi: "cách tính tổng `{value}` không hợp lệ" }
    DV_TOTAL_MODE_HINT "dv.total_mode.hint" {
        en: "write `total: independent` or `total: sum_of_fields`",
        vi: "Ghi `total: independent` (tổng điểm ghi riêng) hoặc `total: sum_of_fields` (tổng bằng cộng các lĩnh vực)",
    }

    DV_RANK_LIMIT "dv.rank_limit" {
        en: "rank {rank} is larger than the number of ranked units ({why})",
        vi: "xếp hạng {rank} lớn hơn số đơn vị được xếp hạng ({why})",
    }
    DV_RANK_LIMIT_OUT_OF "dv.rank_limit.out_of" { en: "out_of is {n}", vi: "out_of là {n}" }
    DV_RANK_LIMIT_LISTED "dv.rank_limit.listed" { en: "{n} units are listed in {label}", vi: "năm {label} có {n} đơn vị" }
    DV_RANK_LIMIT_HINT "dv.rank_limit.hint" {
        en: "fix the rank, or set `out_of:` for this year when the ranking covers more units than are listed",
        vi: "Sửa lại xếp hạng, hoặc ghi `out_of:` cho năm này khi bảng xếp hạng có nhiều đơn vị hơn số đơn vị được liệt kê",
    }
    DV_RANK_ORDER "dv.rank_order" {
        en: "{other} is ranked {other_rank} but has a worse total ({other_total}) than {unit} (rank {rank}, {total})",
        vi: "{other} xếp hạng {other_rank} nhưng chỉ có {other_total} điểm, kém hơn {unit} (hạng {rank}, {total} điểm)",
    }
    DV_RANK_ORDER_HINT "dv.rank_order.hint" {
        en: "a better rank cannot have a worse total: check both ranks and totals against the source table",
        vi: "Xếp hạng trên không thể có tổng điểm kém hơn: đối chiếu cả xếp hạng và tổng điểm với bảng gốc",
    }
    DV_OUT_OF "dv.out_of" {
        en: "out_of is {n} but {ranked} units are ranked in {label}",
        vi: "out_of là {n} nhưng năm {label} có {ranked} đơn vị được xếp hạng",
    }
    DV_OUT_OF_HINT "dv.out_of.hint" {
        en: "out_of is the N in \"x/N\": it cannot be smaller than the number of ranked units",
        vi: "out_of là số N trong \"x/N\": không được nhỏ hơn số đơn vị được xếp hạng",
    }

    DV_NO_SCALE "dv.no_scale" { en: "missing required key `scale`", vi: "thiếu khóa bắt buộc `scale` (thang điểm)" }
    DV_NO_SCALE_HINT "dv.no_scale.hint" {
        en: "add `scale:` with at least `max:` (e.g. `max: 100`)",
        vi: "Thêm `scale:` với ít nhất `max:` (ví dụ `max: 100`)",
    }
    DV_NO_SCALE_MAX "dv.no_scale_max" { en: "missing required key `scale.max`", vi: "thiếu khóa bắt buộc `scale.max` (điểm tối đa)" }
    DV_NO_SCALE_MAX_HINT "dv.no_scale_max.hint" {
        en: "add `max:`, the largest possible total (e.g. `max: 100`)",
        vi: "Thêm `max:`: tổng điểm tối đa (ví dụ `max: 100`)",
    }
    DV_SCALE_ORDER "dv.scale_order" {
        en: "scale.max ({max}) must be larger than scale.min ({min})",
        vi: "scale.max ({max}) phải lớn hơn scale.min ({min})",
    }
    DV_SCALE_ORDER_HINT "dv.scale_order.hint" { en: "check scale.min and scale.max", vi: "Kiểm tra lại scale.min và scale.max" }
    DV_BAND_NO_MIN "dv.band_no_min" { en: "missing required key `min` in band", vi: "mức xếp loại thiếu khóa bắt buộc `min`" }
    DV_BAND_NO_MIN_HINT "dv.band_no_min.hint" { en: "add `min:`, the lowest total in this band", vi: "Thêm `min:`: tổng điểm thấp nhất của mức này" }
    DV_BAND_TWICE "dv.band_twice" {
        en: "band `{name}` is declared twice (first at line {first})",
        vi: "mức xếp loại `{name}` được khai báo hai lần (lần đầu ở dòng {first})",
    }
    DV_BAND_TWICE_HINT "dv.band_twice.hint" { en: "give each band a different name", vi: "Đặt tên khác nhau cho từng mức" }
    DV_BAND_OUTSIDE "dv.band_outside" {
        en: "band min {value} is outside the scale {min}–{max}",
        vi: "mức tối thiểu {value} nằm ngoài thang điểm {min}–{max}",
    }
    DV_BAND_OUTSIDE_HINT "dv.band_outside.hint" {
        en: "a band's min must lie between scale.min and scale.max",
        vi: "`min` của mỗi mức phải nằm giữa scale.min và scale.max",
    }
    DV_BAND_ORDER "dv.band_order" {
        en: "band min {value} is not lower than the band before it (`{prev}`, min {prev_min})",
        vi: "mức tối thiểu {value} không thấp hơn mức đứng trước (`{prev}`, min {prev_min})",
    }
    DV_BAND_ORDER_HINT "dv.band_order.hint" {
        en: "list bands highest first, each with a lower `min` than the one above",
        vi: "Liệt kê các mức từ cao xuống thấp, mỗi mức có `min` thấp hơn mức trên",
    }

    DV_NO_SCORES "dv.no_scores" { en: "missing required key `scores` in {label}", vi: "năm {label} thiếu khóa bắt buộc `scores` (điểm)" }
    DV_NO_SCORES_HINT "dv.no_scores.hint" {
        en: "add `scores:` with one entry per unit, e.g. `\"109\": { total: 72.10 }`",
        vi: "Thêm `scores:` với mỗi đơn vị một dòng, ví dụ `\"109\": { total: 72.10 }`",
    }
    DV_UNKNOWN_UNIT "dv.unknown_unit" {
        en: "`{key}` in the scores of {label} is not a declared unit",
        vi: "`{key}` trong phần điểm năm {label} không phải đơn vị đã khai báo",
    }
    DV_UNKNOWN_UNIT_HINT "dv.unknown_unit.hint" {
        en: "declare it under `units:` or use a declared key: {keys}",
        vi: "Khai báo đơn vị này trong `units:`, hoặc dùng một mã đã có: {keys}",
    }
    DV_UNIT_TWICE "dv.unit_twice" {
        en: "unit `{key}` is listed twice in the scores of {label} (first at line {first})",
        vi: "đơn vị `{key}` có hai lần trong phần điểm năm {label} (lần đầu ở dòng {first})",
    }
    DV_UNIT_TWICE_HINT "dv.unit_twice.hint" {
        en: "each unit appears once per year: remove the repeated entry",
        vi: "Mỗi đơn vị chỉ có một dòng mỗi năm: xóa dòng lặp",
    }
    DV_NO_TOTAL "dv.no_total" { en: "the score of `{key}` in {label} has no `total`", vi: "điểm của `{key}` năm {label} thiếu `total` (tổng điểm)" }
    DV_NO_TOTAL_HINT "dv.no_total.hint" {
        en: "write `total: <number>`, or `total: null` if the total is not available",
        vi: "Ghi `total: <số>`, hoặc `total: null` nếu không có tổng điểm",
    }
    DV_TOTAL_OUTSIDE "dv.total_outside" {
        en: "total {value} of `{key}` in {label} is outside the scale {min}–{max}",
        vi: "tổng điểm {value} của `{key}` năm {label} nằm ngoài thang điểm {min}–{max}",
    }
    DV_TOTAL_OUTSIDE_HINT "dv.total_outside.hint" {
        en: "check the value against the source table (or scale.min / scale.max)",
        vi: "Đối chiếu con số với bảng gốc (hoặc xem lại scale.min / scale.max)",
    }
    DV_NOT_FIELD "dv.not_field" { en: "`{field}` is not a field of {label}", vi: "`{field}` không phải lĩnh vực của năm {label}" }
    DV_NOT_FIELD_HINT "dv.not_field.hint" {
        en: "use one of this year's fields: {keys}",
        vi: "Dùng một trong các lĩnh vực của năm này: {keys}",
    }
    DV_FIELD_GIVEN_TWICE "dv.field_given_twice" {
        en: "field `{field}` of `{key}` is given twice in {label}",
        vi: "lĩnh vực `{field}` của `{key}` được ghi hai lần trong năm {label}",
    }
    DV_FIELD_GIVEN_TWICE_HINT "dv.field_given_twice.hint" { en: "give each field once", vi: "Mỗi lĩnh vực chỉ ghi một lần" }
    DV_FIELD_OUTSIDE "dv.field_outside" {
        en: "field `{field}` of `{key}` in {label} is {value}, outside 0–{max}",
        vi: "lĩnh vực `{field}` của `{key}` năm {label} có điểm {value}, nằm ngoài 0–{max}",
    }
    DV_FIELD_OUTSIDE_HINT "dv.field_outside.hint" {
        en: "check the value against the source table (or the field's max)",
        vi: "Đối chiếu con số với bảng gốc (hoặc xem lại điểm tối đa của lĩnh vực)",
    }
    DV_SUM "dv.sum" {
        en: "the fields of `{key}` in {label} add up to {sum}, not to its total {total}",
        vi: "các lĩnh vực của `{key}` năm {label} cộng lại được {sum}, không bằng tổng điểm {total}",
    }
    DV_SUM_OVER "dv.sum_over" {
        en: "the published fields of `{key}` in {label} already add up to {sum}, more than its total {total}",
        vi: "các lĩnh vực đã công bố của `{key}` năm {label} cộng lại đã được {sum}, vượt tổng điểm {total}",
    }
    DV_SUM_HINT "dv.sum.hint" {
        en: "with `total: sum_of_fields` the fields must add up to the total (within {tolerance}); check the values against the source table",
        vi: "Với `total: sum_of_fields`, các lĩnh vực phải cộng lại bằng tổng điểm (sai lệch trong {tolerance}); đối chiếu các con số với bảng gốc",
    }

    DV_NO_UNITS "dv.no_units" { en: "missing required key `units`", vi: "thiếu khóa bắt buộc `units` (đơn vị)" }
    DV_NO_UNITS_HINT "dv.no_units.hint" {
        en: "add `units:`, one entry per district: `- { key: \"109\", name: \"Huyện Phong Thổ\", short: \"Phong Thổ\" }`",
        vi: "Thêm `units:`, mỗi đơn vị một dòng: `- { key: \"109\", name: \"Huyện Phong Thổ\", short: \"Phong Thổ\" }`",
    }
    DV_UNITS_EMPTY "dv.units_empty" { en: "`units` is empty", vi: "`units` (danh sách đơn vị) để trống" }
    DV_UNITS_EMPTY_HINT "dv.units_empty.hint" { en: "declare at least one unit", vi: "Khai báo ít nhất một đơn vị" }
    DV_SLUG_USED "dv.slug_used" {
        en: "unit slug `{slug}` is already used by `{other}` (line {line})",
        vi: "tên rút gọn `{slug}` đã được đơn vị `{other}` dùng (dòng {line})",
    }
    DV_SLUG_USED_HINT "dv.slug_used.hint" { en: "give one of the units a different `slug:`", vi: "Đặt `slug:` khác cho một trong hai đơn vị" }
    DV_UNIT_KEY_TWICE "dv.unit_key_twice" {
        en: "unit key `{key}` is declared twice (first at line {first})",
        vi: "mã đơn vị `{key}` được khai báo hai lần (lần đầu ở dòng {first})",
    }
    DV_UNIT_KEY_TWICE_HINT "dv.unit_key_twice.hint" {
        en: "each unit needs its own key: remove the repeated unit or fix its key",
        vi: "Mỗi đơn vị cần một mã riêng: xóa đơn vị bị lặp hoặc sửa mã",
    }
    DV_UNIT_NO_KEY "dv.unit_no_key" { en: "missing required key `key` in unit", vi: "đơn vị thiếu khóa bắt buộc `key` (mã)" }
    DV_UNIT_NO_KEY_HINT "dv.unit_no_key.hint" {
        en: "add `key:`, the code used in `scores` (e.g. \"109\")",
        vi: "Thêm `key:`: mã dùng trong `scores` (ví dụ \"109\")",
    }
    DV_UNIT_EMPTY_KEY "dv.unit_empty_key" { en: "unit `key` is empty", vi: "`key` (mã) của đơn vị để trống" }
    DV_UNIT_EMPTY_KEY_HINT "dv.unit_empty_key.hint" { en: "write the unit's code, e.g. \"109\"", vi: "Ghi mã đơn vị, ví dụ \"109\"" }
    DV_BAD_SLUG "dv.bad_slug" { en: "unit slug `{slug}` is not a valid slug", vi: "tên rút gọn `{slug}` của đơn vị không hợp lệ" }
    DV_BAD_SLUG_HINT "dv.bad_slug.hint" {
        en: "use lowercase ASCII letters, digits and hyphens, e.g. `{example}`",
        vi: "Dùng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ `{example}`",
    }
    DV_NO_SLUG "dv.no_slug" { en: "no slug can be derived from `{name}`", vi: "không tạo được tên rút gọn từ `{name}`" }
    DV_NO_SLUG_HINT "dv.no_slug.hint" {
        en: "add `slug:` with lowercase ASCII letters, digits and hyphens",
        vi: "Thêm `slug:` gồm chữ thường không dấu, chữ số và dấu gạch nối",
    }
    DV_KEY_IS_SLUG "dv.key_is_slug" {
        en: "unit key `{key}` is the slug of another unit (`{other}`), so `unit=\"{key}\"` would be ambiguous",
        vi: "mã đơn vị `{key}` trùng tên rút gọn của đơn vị khác (`{other}`), nên `unit=\"{key}\"` sẽ không rõ chỉ đơn vị nào",
    }
    DV_KEY_IS_SLUG_HINT "dv.key_is_slug.hint" {
        en: "change this key or give the other unit a different `slug:`",
        vi: "Đổi mã này, hoặc đặt `slug:` khác cho đơn vị kia",
    }

    DV_NO_RESULTS "dv.no_results" { en: "missing required key `results`", vi: "thiếu khóa bắt buộc `results` (kết quả các năm)" }
    DV_NO_RESULTS_HINT "dv.no_results.hint" {
        en: "add `results:`, one entry per year with `year:` and `scores:`",
        vi: "Thêm `results:`, mỗi năm một mục có `year:` và `scores:`",
    }
    DV_RESULTS_EMPTY "dv.results_empty" { en: "`results` is empty", vi: "`results` (kết quả các năm) để trống" }
    DV_RESULTS_EMPTY_HINT "dv.results_empty.hint" {
        en: "add at least one year: `- year: 2022` with `scores:`",
        vi: "Thêm ít nhất một năm: `- year: 2022` kèm `scores:`",
    }
    DV_YEAR_TWICE "dv.year_twice" {
        en: "year {year} is listed twice (first at line {first})",
        vi: "năm {year} có hai lần (lần đầu ở dòng {first})",
    }
    DV_YEAR_TWICE_HINT "dv.year_twice.hint" {
        en: "merge the two entries into one, or fix the year",
        vi: "Gộp hai mục thành một, hoặc sửa lại năm",
    }
    DV_NO_YEAR "dv.no_year" { en: "missing required key `year`", vi: "thiếu khóa bắt buộc `year` (năm)" }
    DV_NO_YEAR_HINT "dv.no_year.hint" { en: "add `year:`, e.g. `year: 2022`", vi: "Thêm `year:`, ví dụ `year: 2022`" }
}
