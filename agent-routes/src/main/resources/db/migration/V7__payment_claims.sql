-- A customer sent a payment receipt (Kaspi first): what the model read on it. A receipt for the business (its amount
-- a product's price, its merchant the business's) marks the contact payment_claimed_at; the manager confirms the
-- payment, never the bot. One that does not match flags the contact for a human, needs_human_reason saying why.
ALTER TABLE contacts ADD COLUMN payment_claimed_at TIMESTAMPTZ;
ALTER TABLE contacts ADD COLUMN payment_amount     NUMERIC(14, 2);
ALTER TABLE contacts ADD COLUMN payment_currency   VARCHAR(8);
ALTER TABLE contacts ADD COLUMN payment_date       VARCHAR(32);
ALTER TABLE contacts ADD COLUMN payment_payer      TEXT;
ALTER TABLE contacts ADD COLUMN payment_merchant   TEXT;
ALTER TABLE contacts ADD COLUMN needs_human_reason TEXT;
