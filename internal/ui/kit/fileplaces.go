package kit

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// places are the names Fyne's file dialog gives its shortcuts, which it
// writes as constants that its translations do not reach; the keys
// file.place.* name them in the interface language.
var places = map[string]string{
	"Home": "file.place.home", "Computer": "file.place.computer", "App Files": "file.place.app_files",
	"Desktop": "file.place.desktop", "Documents": "file.place.documents", "Downloads": "file.place.downloads",
	"Music": "file.place.music", "Pictures": "file.place.pictures", "Videos": "file.place.videos", "Movies": "file.place.videos",
}

// ShowFileDialog shows a file dialog of win with the names of its places
// (Home, Computer, Documents…) in the interface language.
func ShowFileDialog(win fyne.Window, d interface{ Show() }) {
	d.Show()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	if l := placesList(top); l != nil {
		update := l.UpdateItem
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			translatePlace(item)
		}
		l.Refresh()
	}
}

// placesList is the dialog's list of places: the first list under o (the
// folder's files are in a grid, or a list after it).
func placesList(o fyne.CanvasObject) *widget.List {
	var found *widget.List
	walkObjects(o, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.List); ok && found == nil {
			found = l
		}
		return found == nil
	})
	return found
}

// translatePlace renames the label of one place.
func translatePlace(item fyne.CanvasObject) {
	walkObjects(item, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			if key, ok := places[l.Text]; ok {
				l.SetText(i18n.T(key))
			}
		}
		return true
	})
}

// walkObjects visits o and what it holds through the fields Fyne makes
// public (a pop-up's content, a container's objects, a split's halves),
// which is how the file dialog is built.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !visit(o) {
		return
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkObjects(c, visit)
		}
	case *widget.PopUp:
		walkObjects(w.Content, visit)
	case *container.Split:
		walkObjects(w.Leading, visit)
		walkObjects(w.Trailing, visit)
	default:
		walkObjects(contentOf(o), visit)
	}
}

// contentOf is the public Content of a widget whose type Fyne keeps
// internal (the overlay a dialog sits in), nil for any other object.
func contentOf(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}
