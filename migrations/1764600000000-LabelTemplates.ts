import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Label templates: the size, layout and fields of a shelf label, seeded with the common Chinese
 * thermal roll sizes and an A4 sheet. Global templates have no venue; a venue may add its own.
 * The rendering engine (libs/labels/src/render) draws them; print jobs and labels come later.
 */
export class LabelTemplates1764600000000 implements MigrationInterface {
  name = 'LabelTemplates1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION xp_text_array_distinct(items text[]) RETURNS boolean
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT count(*) = count(DISTINCT x) FROM unnest(items) AS x $$;

      CREATE TABLE label_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid REFERENCES venues(id),
        code text NOT NULL CONSTRAINT label_templates_code_check CHECK (code ~ '^[A-Z0-9-]{2,32}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        width_mm numeric(6,2) NOT NULL CONSTRAINT label_templates_width_check CHECK (width_mm BETWEEN 15 AND 300),
        height_mm numeric(6,2) NOT NULL CONSTRAINT label_templates_height_check CHECK (height_mm BETWEEN 10 AND 300),
        layout text NOT NULL CHECK (layout IN ('ROLL', 'SHEET')),
        page_width_mm numeric(6,2),
        page_height_mm numeric(6,2),
        columns integer,
        rows integer,
        margin_top_mm numeric(6,2),
        margin_left_mm numeric(6,2),
        gap_x_mm numeric(6,2),
        gap_y_mm numeric(6,2),
        fields text[] NOT NULL CONSTRAINT label_templates_fields_check CHECK (
          cardinality(fields) BETWEEN 1 AND 8 AND xp_text_array_distinct(fields)
          AND fields <@ ARRAY['TITLE', 'SKU_CODE', 'FACTORY', 'MOQ', 'TIER_PRICES', 'RETAIL_PRICE', 'SLOT_CODE', 'PRICE_VERSION']::text[]
        ),
        symbology text NOT NULL DEFAULT 'QR' CHECK (symbology IN ('QR')),
        barcode text NOT NULL DEFAULT 'NONE' CHECK (barcode IN ('NONE', 'CODE128', 'EAN13')),
        zpl_dpi integer NOT NULL DEFAULT 203 CHECK (zpl_dpi IN (203, 300)),
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A roll has no sheet; a sheet has all its dimensions, and its grid fits the page.
        CONSTRAINT label_templates_sheet_check CHECK (
          (layout = 'ROLL'
            AND num_nonnulls(page_width_mm, page_height_mm, columns, rows, margin_top_mm, margin_left_mm, gap_x_mm, gap_y_mm) = 0)
          OR
          (layout = 'SHEET'
            AND num_nulls(page_width_mm, page_height_mm, columns, rows, margin_top_mm, margin_left_mm, gap_x_mm, gap_y_mm) = 0
            AND columns >= 1 AND rows >= 1 AND margin_top_mm >= 0 AND margin_left_mm >= 0
            AND gap_x_mm >= 0 AND gap_y_mm >= 0 AND page_width_mm > 0 AND page_height_mm > 0
            AND margin_left_mm + columns * width_mm + (columns - 1) * gap_x_mm <= page_width_mm
            AND margin_top_mm + rows * height_mm + (rows - 1) * gap_y_mm <= page_height_mm)
        )
      );
      -- Codes are unique among the global templates and within each venue.
      CREATE UNIQUE INDEX label_templates_global_code_key ON label_templates (code) WHERE venue_id IS NULL;
      CREATE UNIQUE INDEX label_templates_venue_code_key ON label_templates (venue_id, code) WHERE venue_id IS NOT NULL;
      -- The labelTemplates list filters by venue (plus the global ones) and layout, ordered by sort_order.
      CREATE INDEX label_templates_list_idx ON label_templates (venue_id, layout, sort_order);

      INSERT INTO label_templates (code, name, width_mm, height_mm, layout, fields, barcode, zpl_dpi, sort_order) VALUES
        ('ROLL-40X30', '热敏标签 40×30 mm', 40, 30, 'ROLL',
          ARRAY['TITLE', 'TIER_PRICES', 'MOQ', 'SKU_CODE', 'SLOT_CODE', 'PRICE_VERSION'], 'NONE', 203, 10),
        ('ROLL-50X30', '热敏标签 50×30 mm', 50, 30, 'ROLL',
          ARRAY['TITLE', 'TIER_PRICES', 'RETAIL_PRICE', 'MOQ', 'SKU_CODE', 'SLOT_CODE', 'PRICE_VERSION'], 'NONE', 203, 20),
        ('ROLL-60X40', '热敏标签 60×40 mm（Code 128 货号条码）', 60, 40, 'ROLL',
          ARRAY['TITLE', 'TIER_PRICES', 'RETAIL_PRICE', 'MOQ', 'SKU_CODE', 'FACTORY', 'SLOT_CODE', 'PRICE_VERSION'], 'CODE128', 203, 30),
        ('ROLL-70X50', '热敏标签 70×50 mm（EAN-13 商品条码）', 70, 50, 'ROLL',
          ARRAY['TITLE', 'TIER_PRICES', 'RETAIL_PRICE', 'MOQ', 'SKU_CODE', 'FACTORY', 'SLOT_CODE', 'PRICE_VERSION'], 'EAN13', 300, 40);
      INSERT INTO label_templates (code, name, width_mm, height_mm, layout, page_width_mm, page_height_mm, columns, rows,
                                   margin_top_mm, margin_left_mm, gap_x_mm, gap_y_mm, fields, barcode, zpl_dpi, sort_order) VALUES
        ('A4-3X8', 'A4 不干胶 3×8（63.5×33.9 mm）', 63.5, 33.9, 'SHEET', 210, 297, 3, 8, 12.9, 7.25, 2.5, 0,
          ARRAY['TITLE', 'TIER_PRICES', 'RETAIL_PRICE', 'MOQ', 'SKU_CODE', 'SLOT_CODE', 'PRICE_VERSION'], 'NONE', 203, 50);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE label_templates; DROP FUNCTION xp_text_array_distinct(text[]);`);
  }
}
