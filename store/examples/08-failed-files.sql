-- Files that could not be read, with the error, to fix or convert by hand.
SELECT p.path, d.format, d.size, d.error
FROM documents d
JOIN document_paths p ON p.document_id = d.id
WHERE d.status = 'failed'
ORDER BY p.path;
