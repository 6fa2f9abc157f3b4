"""Personal-data protection (PIPL, 个人信息保护法): encryption at rest, the data key and its
wraps, roles, retention and consent."""
