package store

import "context"

// Each runs one SQL statement and calls row for every row as it is read,
// without holding the result: a table of any length is written in
// constant memory. cols is called once, before the first row, with the
// column names. Values are as in [Result]; row may keep the slice it is
// given only until it returns. Errors are as for [DB.Query]; the
// statement runs under d's [Limits] (the time limit, and the memory of
// SQLite: the rows are not held, so their size is not counted).
func (d *DB) Each(ctx context.Context, query string, cols func([]string) error, row func([]any) error, args ...any) error {
	lim := d.limits.get()
	parent := ctx
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	return limitError(parent, ctx, lim, d.each(ctx, lim, query, cols, row, args...))
}

func (d *DB) each(ctx context.Context, lim Limits, query string, cols func([]string) error, row func([]any) error, args ...any) error {
	conn, err := d.limitedConn(ctx, lim)
	if err != nil {
		return err
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		conn.Close() // frees the connection sqlError may need
		return d.sqlError(ctx, query, err)
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return err
	}
	if err := cols(names); err != nil {
		return err
	}
	vals := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		if err := row(vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		conn.Close() // frees the connection sqlError may need
		return d.sqlError(ctx, query, err)
	}
	return nil
}
