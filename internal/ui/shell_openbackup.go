package ui

// offerPendingRestore asks, once, whether to restore the backup the window
// was opened with (a double-clicked .bpbak file), on the Settings screen
// where backups live. It waits until someone is signed in, since a
// restore needs the right to restore.
func (s *Shell) offerPendingRestore() {
	file := s.opts.RestoreFile
	if file == "" || s.settings == nil {
		return
	}
	s.opts.RestoreFile = ""
	s.Show(SectionSettings)
	s.nav.Select(indexOf(sections, SectionSettings))
	s.settings.showData()
	if p := s.settings.backupPanel(); p != nil {
		p.askRestore(file)
	}
}
