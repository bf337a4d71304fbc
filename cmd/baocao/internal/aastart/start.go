// Package aastart turns the garbage collector off while the packages of
// baocao initialise: their tables and regular expressions allocate about
// 4 MB, which would otherwise start a collection or two (about 3 ms of
// every process start) for memory that is all live. It has no
// dependency but runtime/debug, and its name sorts before every other
// package of the module, so that Go initialises it first (packages are
// initialised in the order of their import paths where their
// dependencies allow). main calls Done first.
package aastart

import "runtime/debug"

// gcPercent is the collector's target before init turned it off (100,
// or GOGC).
var gcPercent int

func init() { gcPercent = debug.SetGCPercent(-1) }

// Done gives the collector back its target.
func Done() { debug.SetGCPercent(gcPercent) }
