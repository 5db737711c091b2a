#!/usr/bin/perl
# make bench's stand-in for QmailToaster's Perl qmail-remote wrapper (its design, not its
# code): one Perl process per message reads the whole message into memory, signs it with
# Mail::DKIM (rsa-sha256, relaxed/relaxed, d= the From: domain, the key at
# KEYDIR/DOMAIN/SELECTOR), then runs qmail-remote.orig with the same argv and writes the
# signature and the message to it. Exits with qmail-remote.orig's status.
#   BENCH_KEYDIR=DIR BENCH_SELECTOR=private BENCH_QMAIL_REMOTE=PATH \
#     perl-qmail-remote.pl host sender recipient... <message
use strict;
use warnings;
use Mail::DKIM::Signer;
use Mail::DKIM::TextWrap;

my $keydir = $ENV{BENCH_KEYDIR} or die "BENCH_KEYDIR is not set\n";
my $selector = $ENV{BENCH_SELECTOR} || 'private';
my $remote = $ENV{BENCH_QMAIL_REMOTE} or die "BENCH_QMAIL_REMOTE is not set\n";

binmode STDIN;
my $message = do { local $/; <STDIN> };
defined $message or die "unable to read the message: $!\n";
my ($header) = split /\r?\n\r?\n/, $message, 2;
my ($domain) = $header =~ /^From:[^\n]*@([A-Za-z0-9.-]+)/mi;
my $signature = '';
if (defined $domain && -r "$keydir/\L$domain\E/$selector") {
    my $signer = Mail::DKIM::Signer->new(
        Algorithm => 'rsa-sha256',
        Method    => 'relaxed',
        Domain    => lc $domain,
        Selector  => $selector,
        KeyFile   => "$keydir/\L$domain\E/$selector",
    );
    # Mail::DKIM wants CRLF line ends; qmail hands over LF.
    (my $crlf = $message) =~ s/\r?\n/\r\n/g;
    $signer->PRINT($crlf);
    $signer->CLOSE;
    $signature = $signer->signature->as_string . "\n";
    $signature =~ s/\r\n/\n/g;
}
open my $out, '|-', $remote, @ARGV or die "unable to run $remote: $!\n";
binmode $out;
print {$out} $signature, $message;
close $out;
exit($? >> 8);
