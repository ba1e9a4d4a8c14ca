//! Messages of units over time (DATA-SCHEMA.md "Units over time"): dates,
//! links between units, built-in lineage tables, scores outside a unit's life.

messages! {
    DV_BAD_DATE "dv.bad_date" {
        en: "`{key}` of unit `{unit}` is `{text}`, not a date",
        vi: "`{key}` của đơn vị `{unit}` là `{text}`, không phải một ngày",
    }
    DV_BAD_DATE_HINT "dv.bad_date.hint" {
        en: "write the day as YYYY-MM-DD, e.g. 2025-07-01",
        vi: "Ghi ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01",
    }
    DV_SINCE_AFTER_UNTIL "dv.since_after_until" {
        en: "unit `{unit}` begins on {since}, after it ends on {until}",
        vi: "đơn vị `{unit}` bắt đầu ngày {since}, sau ngày kết thúc {until}",
    }
    DV_SINCE_AFTER_UNTIL_HINT "dv.since_after_until.hint" {
        en: "`since` is the first day of the unit, `until` its last day",
        vi: "`since` là ngày đầu tiên, `until` là ngày cuối cùng đơn vị tồn tại",
    }
    DV_LINK_UNKNOWN "dv.link_unknown" {
        en: "`{key}` in `{what}` of unit `{unit}` is not a declared unit",
        vi: "`{key}` trong `{what}` của đơn vị `{unit}` không phải đơn vị đã khai báo",
    }
    DV_LINK_UNKNOWN_HINT "dv.link_unknown.hint" {
        en: "declare it under `units:` (with `since:` or `until:`), or fix the key; the keys: {keys}",
        vi: "Khai báo đơn vị đó trong `units:` (kèm `since:` hoặc `until:`), hoặc sửa mã; các mã: {keys}",
    }
    DV_LINK_SELF "dv.link_self" {
        en: "unit `{unit}` names itself in `{what}`",
        vi: "đơn vị `{unit}` tự ghi tên mình trong `{what}`",
    }
    DV_LINK_SELF_HINT "dv.link_self.hint" {
        en: "a unit that changed is a new unit: give it its own key",
        vi: "Đơn vị đã thay đổi là một đơn vị mới: hãy đặt cho nó một mã riêng",
    }
    DV_LINK_DISAGREE "dv.link_disagree" {
        en: "unit `{unit}` lists `{other}` in `{what}`, but the `{other_what}` of `{other}` does not list `{unit}`",
        vi: "đơn vị `{unit}` ghi `{other}` trong `{what}`, nhưng `{other_what}` của `{other}` không ghi `{unit}`",
    }
    DV_LINK_DISAGREE_HINT "dv.link_disagree.hint" {
        en: "write the link on one side only (the other is derived), or make both sides list each other",
        vi: "Chỉ cần ghi liên kết ở một phía (phía kia chiso tự suy ra), hoặc ghi đủ ở cả hai phía",
    }
    DV_LINK_ORDER "dv.link_order" {
        en: "unit `{unit}` begins on {since}, not after its predecessor `{other}` ends on {until}",
        vi: "đơn vị `{unit}` bắt đầu ngày {since}, không sau ngày đơn vị tiền thân `{other}` kết thúc ({until})",
    }
    DV_LINK_ORDER_HINT "dv.link_order.hint" {
        en: "a successor begins after its predecessor ends: e.g. `until: 2025-06-30` and `since: 2025-07-01`",
        vi: "Đơn vị kế tiếp bắt đầu sau khi đơn vị tiền thân kết thúc, ví dụ `until: 2025-06-30` và `since: 2025-07-01`",
    }
    DV_LINK_NO_SINCE "dv.link_no_since" {
        en: "unit `{unit}` is formed from `{other}`, which ends on {until}, but has no `since`",
        vi: "đơn vị `{unit}` được lập từ `{other}` (kết thúc ngày {until}) nhưng thiếu `since`",
    }
    DV_LINK_NO_SINCE_HINT "dv.link_no_since.hint" {
        en: "add `since: {day}` to `{unit}`",
        vi: "Thêm `since: {day}` cho `{unit}`",
    }
    DV_UNKNOWN_LINEAGE "dv.unknown_lineage" {
        en: "`{name}` is not a built-in lineage table",
        vi: "`{name}` không phải bảng kế thừa đơn vị có sẵn",
    }
    DV_UNKNOWN_LINEAGE_HINT "dv.unknown_lineage.hint" {
        en: "the built-in tables: {names}; or remove `lineage:` and write `since`, `until` and `formed_from` on the units",
        vi: "Các bảng có sẵn: {names}; hoặc bỏ `lineage:` và ghi `since`, `until`, `formed_from` cho từng đơn vị",
    }
    DV_SCORE_NOT_ALIVE "dv.score_not_alive" {
        en: "`{key}` has a score in {year}, but the unit existed only {life}",
        vi: "`{key}` có điểm năm {year}, nhưng đơn vị này chỉ tồn tại {life}",
    }
    DV_SCORE_NOT_ALIVE_HINT "dv.score_not_alive.hint" {
        en: "no number may be given to a unit in a year it did not exist: give the score to the unit of that year, or fix `since`/`until`",
        vi: "Không được ghi số liệu cho đơn vị vào năm nó không tồn tại: ghi điểm cho đơn vị tồn tại năm đó, hoặc sửa `since`/`until`",
    }
    LIFE_FROM "life.from" { en: "from {since}", vi: "từ {since}" }
    LIFE_UNTIL "life.until" { en: "until {until}", vi: "đến {until}" }
    LIFE_BOTH "life.both" { en: "from {since} to {until}", vi: "từ {since} đến {until}" }
    IMP_LINEAGE_LINE "imp.lineage_line" {
        en: "this line of the lineage file is not `old key, new key, date`",
        vi: "dòng này của tệp kế thừa không có dạng `mã cũ, mã mới, ngày`",
    }
    IMP_LINEAGE_LINE_HINT "imp.lineage_line.hint" {
        en: "write one link per line, e.g. `phong-tho,xa-phong-tho,2025-07-01` (the date is the new unit's first day)",
        vi: "Mỗi dòng một liên kết, ví dụ `phong-tho,xa-phong-tho,2025-07-01` (ngày là ngày đầu tiên của đơn vị mới)",
    }
    IMP_NO_LINEAGE "imp.no_lineage" {
        en: "the table adds units that {dataset} does not say the origin of: {names}",
        vi: "bảng thêm các đơn vị mà bộ dữ liệu {dataset} chưa ghi nguồn gốc: {names}",
    }
    IMP_NO_LINEAGE_HINT "imp.no_lineage.hint" {
        en: "chiso never guesses which old units a new one replaces: give --lineage FILE (a CSV of old key, new key, date), or write `lineage:` in the dataset (built-in: {names})",
        vi: "chiso không tự đoán đơn vị mới thay cho đơn vị cũ nào: hãy ghi --lineage TỆP (tệp CSV gồm mã cũ, mã mới, ngày), hoặc ghi `lineage:` trong bộ dữ liệu (bảng có sẵn: {names})",
    }
    HELP_LINEAGE "help.lineage" {
        en: "A CSV of old key, new key, date: where the units the table adds come from (after the 2025 reform).",
        vi: "Tệp CSV gồm mã cũ, mã mới, ngày: các đơn vị mà bảng thêm vào được lập từ đơn vị nào (sau đợt sắp xếp đơn vị hành chính năm 2025).",
    }
    SITE_UNIT_UNKNOWN "site_unit.unknown" {
        en: "site_unit `{unit}` is not the key or slug of a unit in any dataset",
        vi: "site_unit `{unit}` không phải mã hay tên rút gọn (slug) của đơn vị nào trong các bộ dữ liệu",
    }
    SITE_UNIT_UNKNOWN_HINT "site_unit.unknown.hint" {
        en: "write the key or slug of a unit of content/data/*.yaml, e.g. `site_unit: phong-tho`, or remove the line",
        vi: "Ghi mã hoặc tên rút gọn của một đơn vị trong content/data/*.yaml, ví dụ `site_unit: phong-tho`, hoặc xóa dòng này",
    }
}
