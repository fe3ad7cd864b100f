package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// SaveScheme inserts or updates the scheme with s.Code and replaces its
// whole node tree, returning the scheme's id. Nodes are stored flat in tree
// order (position), each pointing to its parent by code, so that the tree
// comes back exactly as it was given. Run it in a transaction: a scheme
// with half its nodes would score everything wrong.
func (q Q) SaveScheme(ctx context.Context, by domain.Actor, s scoring.Scheme, builtin bool) (int64, error) {
	return q.saveScheme(ctx, by, s, builtin, nil)
}

// SaveProjectScheme saves the scheme a project's evaluation is scored
// with, built from the project's own targets. It is kept apart from the
// library (Schemes does not list it) and tied to the project.
func (q Q) SaveProjectScheme(ctx context.Context, by domain.Actor, s scoring.Scheme, projectID int64) (int64, error) {
	return q.saveScheme(ctx, by, s, false, &projectID)
}

func (q Q) saveScheme(ctx context.Context, by domain.Actor, s scoring.Scheme, builtin bool, projectID *int64) (int64, error) {
	_, err := q.db.ExecContext(ctx, `INSERT INTO indicator_schemes (code, name, name_en, kind, total, origin, builtin, project_id, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind,
			total = excluded.total, origin = excluded.origin, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		s.Code, s.Name, s.NameEn, string(s.Kind), s.Total, s.Origin, builtin, projectID, now(), by.Login)
	if err != nil {
		return 0, fmt.Errorf("saving indicator system %s: %w", s.Code, err)
	}
	var id int64
	if err := q.db.QueryRowContext(ctx, `SELECT id FROM indicator_schemes WHERE code = ?`, s.Code).Scan(&id); err != nil {
		return 0, err
	}
	if _, err := q.db.ExecContext(ctx, `DELETE FROM indicator_nodes WHERE scheme_id = ?`, id); err != nil {
		return 0, err
	}
	return id, q.saveNodes(ctx, id, s)
}

// saveNodes stores s's tree under scheme id, flat in tree order.
func (q Q) saveNodes(ctx context.Context, id int64, s scoring.Scheme) error {
	pos := 0
	var walk func(n scoring.Node, level int, parent string) error
	walk = func(n scoring.Node, level int, parent string) error {
		pos++
		code := n.Code
		var in scoring.Indicator
		if n.Indicator != nil {
			in = *n.Indicator
			if code == "" {
				code = in.Code
			}
		}
		_, err := q.db.ExecContext(ctx, `INSERT INTO indicator_nodes (scheme_id, code, parent_code, level, position, name, name_en, points,
			unit, direction, rule, target, low, high, deduct_per, source, perspective, bonus, public_welfare, revenue_linked,
			over_factor, over_deduct, target_text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, code, parent, level, pos, n.Name, n.NameEn, n.Points,
			in.Unit, string(in.Direction), string(in.Rule), in.Target, in.Low, in.High, in.DeductPer, in.Source,
			string(in.Perspective), string(in.Bonus), in.PublicWelfare, in.RevenueLinked,
			in.OverFactor, in.OverDeduct, in.TargetText)
		if err != nil {
			return fmt.Errorf("saving indicator %s of %s: %w", code, s.Code, err)
		}
		for _, c := range n.Children {
			if err := walk(c, level+1, code); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range s.Roots {
		if err := walk(n, 1, ""); err != nil {
			return err
		}
	}
	return nil
}

// CountSchemes is how many indicator systems the library holds.
func (q Q) CountSchemes(ctx context.Context) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM indicator_schemes WHERE project_id IS NULL`).Scan(&n)
	return n, err
}

// SchemeIDs maps every scheme code to its id.
func (q Q) SchemeIDs(ctx context.Context) (map[string]int64, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT code, id FROM indicator_schemes`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var code string
		var id int64
		if err := rows.Scan(&code, &id); err != nil {
			return nil, err
		}
		out[code] = id
	}
	return out, rows.Err()
}

// Schemes reads the whole library, ordered by code; the schemes built for
// one project's evaluation are not part of it.
func (q Q) Schemes(ctx context.Context) ([]scoring.Scheme, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id FROM indicator_schemes WHERE project_id IS NULL ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("reading the indicator library: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]scoring.Scheme, 0, len(ids))
	for _, id := range ids {
		s, err := q.SchemeByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Scheme reads the scheme with code and its id; IsNotFound when none.
func (q Q) Scheme(ctx context.Context, code string) (scoring.Scheme, int64, error) {
	var id int64
	err := q.db.QueryRowContext(ctx, `SELECT id FROM indicator_schemes WHERE code = ?`, code).Scan(&id)
	if err == sql.ErrNoRows {
		return scoring.Scheme{}, 0, errNotFound
	}
	if err != nil {
		return scoring.Scheme{}, 0, err
	}
	s, err := q.SchemeByID(ctx, id)
	return s, id, err
}

// SchemeByID reads a scheme with its node tree; IsNotFound when none.
func (q Q) SchemeByID(ctx context.Context, id int64) (scoring.Scheme, error) {
	var s scoring.Scheme
	var kind string
	err := q.db.QueryRowContext(ctx, `SELECT code, name, name_en, kind, total, origin FROM indicator_schemes WHERE id = ?`, id).
		Scan(&s.Code, &s.Name, &s.NameEn, &kind, &s.Total, &s.Origin)
	if err == sql.ErrNoRows {
		return s, errNotFound
	}
	if err != nil {
		return s, fmt.Errorf("reading indicator system %d: %w", id, err)
	}
	s.Kind = scoring.SchemeKind(kind)
	s.Roots, err = q.schemeNodes(ctx, id)
	return s, err
}

// flatNode is a stored node before the tree is rebuilt.
type flatNode struct {
	level  int
	parent string
	node   scoring.Node
}

func (q Q) schemeNodes(ctx context.Context, id int64) ([]scoring.Node, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT code, parent_code, level, name, name_en, points, unit, direction, rule,
		target, low, high, deduct_per, source, perspective, bonus, public_welfare, revenue_linked, over_factor, over_deduct, target_text
		FROM indicator_nodes WHERE scheme_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var flat []flatNode
	for rows.Next() {
		var f flatNode
		var in scoring.Indicator
		var dir, rule, persp, bonus string
		if err := rows.Scan(&f.node.Code, &f.parent, &f.level, &f.node.Name, &f.node.NameEn, &f.node.Points,
			&in.Unit, &dir, &rule, &in.Target, &in.Low, &in.High, &in.DeductPer, &in.Source, &persp, &bonus,
			&in.PublicWelfare, &in.RevenueLinked, &in.OverFactor, &in.OverDeduct, &in.TargetText); err != nil {
			return nil, err
		}
		if f.level == 3 {
			in.Code, in.Name, in.NameEn = f.node.Code, f.node.Name, f.node.NameEn
			in.Direction, in.Rule = scoring.Direction(dir), scoring.Rule(rule)
			in.Perspective, in.Bonus = scoring.Perspective(persp), scoring.BonusDimension(bonus)
			f.node.Indicator = &in
		}
		flat = append(flat, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return buildTree(flat, ""), nil
}

// buildTree nests the flat nodes under parent, keeping their order. The
// node lists are small (tens of rows), so the repeated scan costs nothing.
func buildTree(flat []flatNode, parent string) []scoring.Node {
	var out []scoring.Node
	for _, f := range flat {
		if f.parent != parent {
			continue
		}
		n := f.node
		if f.level < 3 {
			n.Children = buildTree(flat, n.Code)
		}
		out = append(out, n)
	}
	return out
}

// SchemeFinalisedUses counts the finalised evaluations scored with the
// scheme code: changing such a scheme would change locked results.
func (q Q) SchemeFinalisedUses(ctx context.Context, code string) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM evaluations e JOIN indicator_schemes s ON s.id = e.scheme_id
		WHERE s.code = ? AND e.state = 'finalised'`, code).Scan(&n)
	return n, err
}
