package scoring

// NodeScore is the points and score of a level-1 dimension or level-2 group.
type NodeScore struct {
	Code, Name string
	Level      int    // 1 dimension, 2 group
	Parent     string // the dimension's code for a group; "" for a dimension
	Points     float64
	Score      float64
}

// IndicatorScore is one line of the self-evaluation form.
type IndicatorScore struct {
	Code, Name string
	Group      string // code of the level-2 group
	Dimension  string // code of the level-1 dimension
	Points     float64
	Score      float64
	// Short asks for a reason for deviation and a corrective measure.
	Short bool
	// Overshoot flags a target exceeded so far that it looks set too low.
	Overshoot bool
	Value     Value
}

// PerspectiveScore is the points and score of the indicators tagged with
// one balanced-scorecard perspective.
type PerspectiveScore struct{ Points, Score float64 }

// Result is a scheme scored against a set of values.
type Result struct {
	Total float64
	// Grade is Unscored when Scored is false.
	Grade Grade
	// Scored says some scored indicator (any direction but Monitor) has a
	// value. A result without one is no result: 未评分, not 0.00 差.
	Scored bool
	// Dimensions lists levels 1 and 2 depth first: each dimension followed
	// by its groups.
	Dimensions []NodeScore
	Indicators []IndicatorScore
	// Perspectives holds only the perspectives some indicator is tagged with.
	Perspectives map[Perspective]PerspectiveScore
}

// Evaluate scores every indicator of s with values (keyed by indicator
// code; a missing key is a missing value) and adds the scores up the tree.
// A scheme none of whose scored indicators has a value is not scored:
// Scored is false and the grade Unscored (未评分), never 0 points graded
// poor. One value is enough to score the rest, missing ones at 0.
//
// It trusts the shape Validate checks but does not depend on it: any node
// holding an Indicator is scored with its own points, any other node is
// the sum of its children.
//
// The grade is taken on the 100-point scale: a scheme whose Total is not
// 100 is graded on Total score × 100 ÷ Total points.
func Evaluate(s Scheme, values map[string]Value) Result {
	r := Result{Perspectives: map[Perspective]PerspectiveScore{}}
	for _, n := range s.Roots {
		r.Total += r.walk(n, 1, "", "", values)
	}
	pct := r.Total
	if finite(s.Total) && s.Total > 0 && s.Total != 100 {
		pct = r.Total * 100 / s.Total
	}
	r.Grade = GradeOf(pct)
	if !r.Scored {
		r.Grade = Unscored
	}
	return r
}

// walk scores n at depth and returns its score; dim and group are the
// codes of the enclosing dimension and group.
func (r *Result) walk(n Node, depth int, dim, group string, values map[string]Value) float64 {
	if n.Indicator != nil {
		ind := *n.Indicator
		code, name := leafCode(n), leafName(n)
		v := values[code]
		sc, short := Score(ind, n.Points, v)
		if v.Has && ind.Direction != Monitor {
			r.Scored = true
		}
		r.Indicators = append(r.Indicators, IndicatorScore{
			Code: code, Name: name, Group: group, Dimension: dim,
			Points: n.Points, Score: sc, Short: short, Value: v, Overshoot: Overshoot(ind, v),
		})
		if ind.Perspective != "" {
			p := r.Perspectives[ind.Perspective]
			p.Points += n.Points
			p.Score += sc
			r.Perspectives[ind.Perspective] = p
		}
		return sc
	}
	at := len(r.Dimensions)
	parent := dim
	switch depth {
	case 1:
		dim = n.Code
	case 2:
		group = n.Code
	}
	r.Dimensions = append(r.Dimensions, NodeScore{Code: n.Code, Name: n.Name, Level: depth, Parent: parent, Points: n.Points})
	var sum float64
	for _, c := range n.Children {
		sum += r.walk(c, depth+1, dim, group, values)
	}
	r.Dimensions[at].Score = sum
	return sum
}

// leafCode is an indicator node's code: the node's, else its indicator's.
func leafCode(n Node) string {
	if n.Code == "" && n.Indicator != nil {
		return n.Indicator.Code
	}
	return n.Code
}

// leafName is an indicator node's name: the node's, else its indicator's.
func leafName(n Node) string {
	if n.Name == "" && n.Indicator != nil {
		return n.Indicator.Name
	}
	return n.Name
}

// GradeOf grades a score out of 100 by the policy bands: 90 and above
// excellent, 80 good, 60 fair, below poor. The score is first rounded to
// 2 decimals, as the form shows it, so 89.995 — shown as 90.00 — is
// excellent and 89.994 good. NaN is poor.
func GradeOf(score float64) Grade {
	s := Round2(score)
	switch {
	case s >= 90:
		return Excellent
	case s >= 80:
		return Good
	case s >= 60:
		return Fair
	}
	return Poor
}
