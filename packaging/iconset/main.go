// Command iconset writes the application icon in the sizes the packages
// need: a Windows .ico (PNG-compressed images, 16 to 256 pixels) and
// single PNGs for the Linux icon theme. The source is assets/icon.png.
//
//	go run ./packaging/iconset -ico dist/budgetperf.ico
//	go run ./packaging/iconset -png 256 -o dist/256.png
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"

	"golang.org/x/image/draw"

	"github.com/budgetperf/budgetperf/assets"
)

// icoSizes are the sizes Explorer, the taskbar and the Start menu ask for.
var icoSizes = []int{16, 20, 24, 32, 40, 48, 64, 128, 256}

func main() {
	ico := flag.String("ico", "", "write a Windows .ico to this file")
	size := flag.Int("png", 0, "write a PNG of this many pixels square (with -o)")
	out := flag.String("o", "", "the PNG to write")
	flag.Parse()
	if err := run(*ico, *size, *out); err != nil {
		fmt.Fprintln(os.Stderr, "iconset:", err)
		os.Exit(1)
	}
}

func run(ico string, size int, out string) error {
	src, err := png.Decode(bytes.NewReader(assets.Icon()))
	if err != nil {
		return fmt.Errorf("reading assets/icon.png: %w", err)
	}
	if ico == "" && (size == 0 || out == "") {
		return fmt.Errorf("give -ico FILE, or -png SIZE -o FILE")
	}
	if ico != "" {
		if err := os.WriteFile(ico, icoFile(src), 0o644); err != nil {
			return err
		}
	}
	if size > 0 && out != "" {
		if err := os.WriteFile(out, pngAt(src, size), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pngAt is src scaled to size×size (Catmull-Rom keeps small sizes sharp).
func pngAt(src image.Image, size int) []byte {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	var b bytes.Buffer
	_ = png.Encode(&b, dst)
	return b.Bytes()
}

// icoFile lays out an ICONDIR, one ICONDIRENTRY per size and the PNG
// images (allowed in .ico files since Windows Vista).
func icoFile(src image.Image) []byte {
	var head, body bytes.Buffer
	binary.Write(&head, binary.LittleEndian, [3]uint16{0, 1, uint16(len(icoSizes))})
	offset := 6 + 16*len(icoSizes)
	for _, s := range icoSizes {
		img := pngAt(src, s)
		dim := byte(s)
		if s == 256 {
			dim = 0 // 0 means 256
		}
		head.Write([]byte{dim, dim, 0, 0})
		binary.Write(&head, binary.LittleEndian, [2]uint16{1, 32})
		binary.Write(&head, binary.LittleEndian, [2]uint32{uint32(len(img)), uint32(offset)})
		offset += len(img)
		body.Write(img)
	}
	return append(head.Bytes(), body.Bytes()...)
}
