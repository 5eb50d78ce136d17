import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

export enum DocumentKind {
  BUSINESS_LICENSE = 'BUSINESS_LICENSE',
  TRADEMARK_CERTIFICATE = 'TRADEMARK_CERTIFICATE',
  INSPECTION_REPORT = 'INSPECTION_REPORT',
  PRODUCT_IMAGE = 'PRODUCT_IMAGE',
  SPREADSHEET = 'SPREADSHEET',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKind, { name: 'DocumentKind' });

/** An uploaded file: licence, trademark certificate, inspection report, image, spreadsheet. */
@ObjectType()
@Entity('documents')
export class Document {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  ownerOrgId!: string;

  @Field(() => DocumentKind)
  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Field({ description: 'Decided from the content, never from the file name.' })
  @Column()
  mimeType!: string;

  @Field(() => Int)
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? v : Number(v)) } })
  sizeBytes!: number;

  @Field()
  @Column()
  sha256!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  originalName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The bytes of a document (kept apart so listings never read them). */
@Entity('document_contents')
export class DocumentContent {
  @PrimaryColumn('uuid')
  documentId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
