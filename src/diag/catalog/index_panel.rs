//! Messages of site.yaml's `index_panel:` (W0403).

messages! {
    INDEX_PANEL_NO_DATA "index_panel.no_data" {
        en: "index_panel names the dataset `{data}`, which does not exist, so no index panel is shown",
        vi: "index_panel ghi bộ dữ liệu `{data}` nhưng không có bộ dữ liệu này, nên ô chỉ số không được hiển thị",
    }
    INDEX_PANEL_NO_UNIT "index_panel.no_unit" {
        en: "index_panel names the unit `{unit}`, which is not the key or slug of a unit of the dataset `{data}`, so no index panel is shown",
        vi: "index_panel ghi đơn vị `{unit}` nhưng đây không phải mã hay tên rút gọn (slug) của đơn vị nào trong bộ dữ liệu `{data}`, nên ô chỉ số không được hiển thị",
    }
    INDEX_PANEL_HINT "index_panel.hint" {
        en: "write the slug of a dataset of content/data/*.yaml and the key or slug of one of its units, e.g. `index_panel: { data: chi-so-cchc-lai-chau, unit: phong-tho }`, or remove the line",
        vi: "Ghi tên rút gọn của một bộ dữ liệu trong content/data/*.yaml và mã hoặc tên rút gọn của một đơn vị trong đó, ví dụ `index_panel: { data: chi-so-cchc-lai-chau, unit: phong-tho }`, hoặc xóa dòng này",
    }
}
