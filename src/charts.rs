//! SVG charts of index data (plotters).
