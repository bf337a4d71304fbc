-- 0003: where a figure stands on its page. Boxes are in PDF points
-- (1/72 inch) from the page's top-left corner, y growing downwards, so
-- that a page image rendered at D dpi shows the box scaled by D/72. They
-- are NULL where the reader knows no positions (DOCX, text, Markdown).
-- cell_table, cell_row and cell_col locate a figure read from a table
-- cell (1-based).

ALTER TABLE metrics ADD COLUMN box_x REAL;
ALTER TABLE metrics ADD COLUMN box_y REAL;
ALTER TABLE metrics ADD COLUMN box_w REAL;
ALTER TABLE metrics ADD COLUMN box_h REAL;
ALTER TABLE metrics ADD COLUMN cell_table INTEGER;
ALTER TABLE metrics ADD COLUMN cell_row INTEGER;
ALTER TABLE metrics ADD COLUMN cell_col INTEGER;

ALTER TABLE flag_evidence ADD COLUMN box_x REAL;
ALTER TABLE flag_evidence ADD COLUMN box_y REAL;
ALTER TABLE flag_evidence ADD COLUMN box_w REAL;
ALTER TABLE flag_evidence ADD COLUMN box_h REAL;
