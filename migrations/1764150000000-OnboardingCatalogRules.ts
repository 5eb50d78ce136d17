import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding and catalog services: the indexes behind their list filters and a few more
 * invariants held by PostgreSQL (a brand's certificate is its own factory's document, the
 * steps of an admission are never rewritten and carry their reasons).
 */
export class OnboardingCatalogRules1764150000000 implements MigrationInterface {
  name = 'OnboardingCatalogRules1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX documents_owner_kind_idx ON documents (owner_org_id, kind, created_at DESC);
      ALTER TABLE documents ADD CONSTRAINT documents_id_owner_key UNIQUE (id, owner_org_id);

      -- A brand's trademark certificate is one of its own factory's documents.
      ALTER TABLE brands ADD CONSTRAINT brands_certificate_owner_fkey
        FOREIGN KEY (certificate_document_id, factory_org_id) REFERENCES documents (id, owner_org_id);
      ALTER TABLE brands ADD CONSTRAINT brands_reviewed_check CHECK (status = 'PENDING' OR reviewed_at IS NOT NULL);
      CREATE INDEX brands_name_trgm_idx ON brands USING gin (name gin_trgm_ops);

      ALTER TABLE venue_factories ADD CONSTRAINT venue_factories_submitted_check
        CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL);
      ALTER TABLE venue_factories ADD CONSTRAINT venue_factories_admitted_check
        CHECK (status <> 'APPROVED' OR admitted_at IS NOT NULL);
      CREATE INDEX venue_factories_status_idx ON venue_factories (status, submitted_at);

      -- The factory is told why: rejections, change requests and suspensions carry a reason.
      ALTER TABLE venue_factory_events ADD CONSTRAINT venue_factory_events_reason_given_check
        CHECK (action NOT IN ('REJECT', 'REQUEST_CHANGES', 'SUSPEND') OR (reason IS NOT NULL AND length(btrim(reason)) > 0));
      CREATE TRIGGER venue_factory_events_append_only BEFORE UPDATE ON venue_factory_events
        FOR EACH ROW EXECUTE FUNCTION xp_refuse_change();

      CREATE INDEX products_factory_status_idx ON products (factory_org_id, status, created_at DESC);
      CREATE INDEX skus_factory_status_idx ON skus (factory_org_id, status, created_at DESC);
      CREATE INDEX skus_code_trgm_idx ON skus USING gin (code gin_trgm_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX skus_code_trgm_idx; DROP INDEX skus_factory_status_idx; DROP INDEX products_factory_status_idx;
      DROP TRIGGER venue_factory_events_append_only ON venue_factory_events;
      ALTER TABLE venue_factory_events DROP CONSTRAINT venue_factory_events_reason_given_check;
      DROP INDEX venue_factories_status_idx;
      ALTER TABLE venue_factories DROP CONSTRAINT venue_factories_admitted_check;
      ALTER TABLE venue_factories DROP CONSTRAINT venue_factories_submitted_check;
      DROP INDEX brands_name_trgm_idx;
      ALTER TABLE brands DROP CONSTRAINT brands_reviewed_check;
      ALTER TABLE brands DROP CONSTRAINT brands_certificate_owner_fkey;
      ALTER TABLE documents DROP CONSTRAINT documents_id_owner_key;
      DROP INDEX documents_owner_kind_idx;
    `);
  }
}
