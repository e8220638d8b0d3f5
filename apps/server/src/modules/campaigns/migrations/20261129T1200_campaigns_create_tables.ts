import type { Kysely } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('parent_campaign_id', 'text', (c) => c.references('campaign.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('honour_title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('cover_image_url', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('phase_mode', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('rules_locked_at', 'text')
    .addColumn('quotas', 'text', (c) => c.notNull())
    .addColumn('rubric', 'text', (c) => c.notNull())
    .addColumn('announced_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_org_idx')
    .on('campaign')
    .columns(['org_id', 'year'])
    .execute()
  await db.schema
    .createIndex('campaign_parent_idx')
    .on('campaign')
    .column('parent_campaign_id')
    .execute()

  await db.schema
    .createTable('campaign_category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('honour_count', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_category_campaign_idx')
    .on('campaign_category')
    .column('campaign_id')
    .execute()

  await db.schema
    .createTable('campaign_nomination')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('campaign_category.id'))
    .addColumn('nominee_name', 'text', (c) => c.notNull())
    .addColumn('nominee_mobile_enc', 'text', (c) => c.notNull())
    .addColumn('nominee_mobile_hash', 'text', (c) => c.notNull())
    .addColumn('nominee_mobile_masked', 'text', (c) => c.notNull())
    .addColumn('nominee_id_card_enc', 'text')
    .addColumn('nominee_id_card_hash', 'text')
    .addColumn('nominee_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('employer_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('years', 'integer', (c) => c.notNull())
    .addColumn('is_front_line', 'integer', (c) => c.notNull())
    .addColumn('achievements', 'text', (c) => c.notNull())
    .addColumn('photo_urls', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_token_hash', 'text')
    .addColumn('consented_at', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('supporter_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('review_level_org_id', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_nomination_campaign_idx')
    .on('campaign_nomination')
    .columns(['campaign_id', 'status'])
    .execute()
  await db.schema
    .createIndex('campaign_nomination_mobile_idx')
    .on('campaign_nomination')
    .columns(['campaign_id', 'nominee_mobile_hash'])
    .execute()
  await db.schema
    .createIndex('campaign_nomination_id_card_idx')
    .on('campaign_nomination')
    .columns(['campaign_id', 'nominee_id_card_hash'])
    .execute()

  await db.schema
    .createTable('campaign_nomination_support')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nomination.id'))
    .addColumn('nominator_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('nominating_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recommendation_letter', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_nomination_support_idx')
    .on('campaign_nomination_support')
    .column('nomination_id')
    .execute()

  await db.schema
    .createTable('campaign_candidate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('campaign_category.id'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nomination.id'))
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('is_front_line', 'integer', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('achievements', 'text', (c) => c.notNull())
    .addColumn('photo_urls', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_candidate_campaign_idx')
    .on('campaign_candidate')
    .columns(['campaign_id', 'category_id', 'number'])
    .execute()

  await db.schema
    .createTable('campaign_objection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('campaign_candidate.id'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_enc', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_masked', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute()
  await db.schema
    .createIndex('campaign_objection_campaign_idx')
    .on('campaign_objection')
    .columns(['campaign_id', 'status'])
    .execute()

  // The ballot log: append-only. Only the UUIDv7 primary key and one time-ordered index, so
  // group-committed inserts stay cheap (see PERFORMANCE.md: random-key indexes cost 10x).
  await db.schema
    .createTable('campaign_ballot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('voter_masked', 'text', (c) => c.notNull())
    .addColumn('voter_org_id', 'text')
    .addColumn('device_hash', 'text')
    .addColumn('ip_hash', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('candidate_ids', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invalidation_reason', 'text')
    .addColumn('status_changed_at', 'text')
    .addColumn('status_changed_by', 'text')
    .execute()
  await db.schema
    .createIndex('campaign_ballot_campaign_idx')
    .on('campaign_ballot')
    .columns(['campaign_id', 'id'])
    .execute()

  await db.schema
    .createTable('campaign_tally')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('invalidated_votes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_tally_pk', ['campaign_id', 'candidate_id'])
    .execute()
  await db.schema
    .createTable('campaign_tally_daily')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_tally_daily_pk', ['campaign_id', 'candidate_id', 'day'])
    .execute()
  await db.schema
    .createTable('campaign_turnout')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    /** '' for voters verified by SMS only, whose org is unknown. */
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('ballots', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_turnout_pk', ['campaign_id', 'org_id', 'day'])
    .execute()

  await db.schema
    .createTable('campaign_juror')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_juror_pk', ['campaign_id', 'member_id'])
    .execute()
  await db.schema
    .createTable('campaign_jury_score')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('campaign_candidate.id'))
    .addColumn('juror_member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_jury_score_pk', [
      'campaign_id',
      'candidate_id',
      'juror_member_id',
    ])
    .execute()

  await db.schema
    .createTable('campaign_honour')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('campaign_candidate.id'))
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category_name', 'text', (c) => c.notNull())
    .addColumn('awarded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_honour_member_idx')
    .on('campaign_honour')
    .column('member_id')
    .execute()
  await db.schema
    .createIndex('campaign_honour_campaign_idx')
    .on('campaign_honour')
    .column('campaign_id')
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'campaign_honour',
    'campaign_jury_score',
    'campaign_juror',
    'campaign_turnout',
    'campaign_tally_daily',
    'campaign_tally',
    'campaign_ballot',
    'campaign_objection',
    'campaign_candidate',
    'campaign_nomination_support',
    'campaign_nomination',
    'campaign_category',
    'campaign',
  ]) {
    await db.schema.dropTable(t).execute()
  }
}
