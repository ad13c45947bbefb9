//go:build tools

// Package tools records the kompose command as this module's dependency, so that go.sum pins
// everything `go build github.com/kubernetes/kompose` needs.
package tools

import _ "github.com/kubernetes/kompose"
