"""平安虞家 green coins (平安绿币): residents, declarations and their two-level review, the ledger,
month end and the 绿币超市 (design §1; domain §7)."""
