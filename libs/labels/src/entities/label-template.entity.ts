import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { LabelField, LabelFormat, LabelLayout, LabelTemplateSpec, ScanSymbology, SkuBarcode } from '../render/types';

registerEnumType(LabelField, { name: 'LabelField', description: 'What a label prints besides its QR code.' });
registerEnumType(LabelLayout, { name: 'LabelLayout', description: 'ROLL: one label per page (thermal rolls); SHEET: a grid on a page (A4).' });
registerEnumType(ScanSymbology, { name: 'ScanSymbology' });
registerEnumType(SkuBarcode, { name: 'SkuBarcode', description: 'The optional 1D barcode of the SKU.' });
// Registered here for the print jobs' API (PDF | ZPL | SVG); it appears in the schema once an operation uses it.
registerEnumType(LabelFormat, { name: 'LabelFormat', description: 'PDF for office or thermal printers, ZPL for Zebra-compatible printers, SVG for a preview.' });

/** numeric(6,2) millimetres ⇄ number (lengths, not money: a float is fine here). */
const mm: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

/** How labels sit on a sheet page. */
@ObjectType()
export class LabelSheet {
  @Field(() => Float)
  pageWidthMm!: number;

  @Field(() => Float)
  pageHeightMm!: number;

  @Field(() => Int)
  columns!: number;

  @Field(() => Int)
  rows!: number;

  @Field(() => Float)
  marginTopMm!: number;

  @Field(() => Float)
  marginLeftMm!: number;

  @Field(() => Float, { description: 'Between columns.' })
  gapXMm!: number;

  @Field(() => Float, { description: 'Between rows.' })
  gapYMm!: number;
}

/** A shelf label's size, layout, printed fields and codes; global when it has no venue. */
@ObjectType()
@Entity('label_templates')
export class LabelTemplate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The venue this template belongs to; null for the global templates.' })
  @Column({ type: 'uuid', nullable: true })
  venueId!: string | null;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  name!: string;

  @Field(() => Float)
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: mm })
  widthMm!: number;

  @Field(() => Float)
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: mm })
  heightMm!: number;

  @Field(() => LabelLayout)
  @Column({ type: 'text' })
  layout!: LabelLayout;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: mm })
  pageWidthMm!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: mm })
  pageHeightMm!: number | null;

  @Column({ type: 'int', nullable: true })
  columns!: number | null;

  @Column({ type: 'int', nullable: true })
  rows!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: mm })
  marginTopMm!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: mm })
  marginLeftMm!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: mm })
  gapXMm!: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: mm })
  gapYMm!: number | null;

  @Field(() => [LabelField], { description: 'Printed besides the QR code, when they fit.' })
  @Column({ type: 'text', array: true })
  fields!: LabelField[];

  @Field(() => ScanSymbology, { description: 'The scan code: a QR of the scan page address.' })
  @Column({ type: 'text', default: ScanSymbology.QR })
  symbology!: ScanSymbology;

  @Field(() => SkuBarcode)
  @Column({ type: 'text', default: SkuBarcode.NONE })
  barcode!: SkuBarcode;

  @Field(() => Int, { description: 'Printer resolution the ZPL is written for: 203 or 300 dpi.' })
  @Column({ type: 'int', default: 203 })
  zplDpi!: 203 | 300;

  @Field()
  @Column({ default: true })
  active!: boolean;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The renderer's plain view of a template (structured-cloneable, e.g. for a worker thread). */
export function toTemplateSpec(t: LabelTemplate): LabelTemplateSpec {
  const sheet =
    t.layout === LabelLayout.SHEET
      ? {
          pageWidthMm: t.pageWidthMm!,
          pageHeightMm: t.pageHeightMm!,
          columns: t.columns!,
          rows: t.rows!,
          marginTopMm: t.marginTopMm!,
          marginLeftMm: t.marginLeftMm!,
          gapXMm: t.gapXMm!,
          gapYMm: t.gapYMm!,
        }
      : null;
  return {
    code: t.code,
    widthMm: t.widthMm,
    heightMm: t.heightMm,
    layout: t.layout,
    sheet,
    fields: [...t.fields],
    symbology: t.symbology,
    barcode: t.barcode,
    zplDpi: t.zplDpi,
  };
}
