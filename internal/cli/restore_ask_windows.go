package cli

import (
	"syscall"
	"unsafe"
)

var messageBox = syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")

const (
	mbYesNo       = 0x04
	mbIconError   = 0x10
	mbIconWarning = 0x30
	mbIconInfo    = 0x40
	idYes         = 6
)

// box shows a Windows message box: the GUI build has no console.
func box(title, text string, flags uintptr) int {
	t, err1 := syscall.UTF16PtrFromString(title)
	m, err2 := syscall.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil {
		return 0
	}
	r, _, _ := messageBox.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)), flags)
	return int(r)
}

// confirm asks with Yes/No buttons.
func confirm(env *Env, title, text string) bool {
	return box(title, text, mbYesNo|mbIconWarning) == idYes
}

// tell shows the outcome.
func tell(title, text string, isErr bool) {
	if isErr {
		box(title, text, mbIconError)
		return
	}
	box(title, text, mbIconInfo)
}
