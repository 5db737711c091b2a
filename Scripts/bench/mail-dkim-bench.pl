#!/usr/bin/perl
# Times Mail::DKIM over many messages in this one process, for toaster-dk's engine benchmark.
#   mail-dkim-bench.pl sign KIND KEYFILE OUTDIR MESSAGE...   (OUTDIR '-' writes nothing)
#   mail-dkim-bench.pl verify KIND RECORD MESSAGE...
# KIND is dk-nofws or dkim-rsa-sha256. Prints "MESSAGES PASSED SECONDS": the messages are read
# (and turned to CRLF, as Mail::DKIM wants) before the clock starts; a new Signer or Verifier
# is made per message inside the timed loop. The key record is served by an in-process
# override of Mail::DKIM's DNS query, so no DNS is involved. Signing writes SIGNATURE+MESSAGE
# (LF line ends) to OUTDIR after the clock stops, to build the verify corpus.
use strict;
use warnings;
use File::Basename qw(basename);
use Time::HiRes qw(time);
use Mail::DKIM::Verifier;
use Mail::DKIM::Signer;
use Mail::DKIM::DkSignature;
use Mail::DKIM::Signature;
use Mail::DKIM::PrivateKey;
use Crypt::OpenSSL::RSA;

my ($mode, $kind, $key, $outdir, @files) = @ARGV;
if ($mode eq 'verify') { unshift @files, $outdir; }
die "usage: see the comment at the top\n"
  unless @files && $kind =~ /^(dk-nofws|dkim-rsa-sha256)$/;

my @messages;
foreach my $file (@files) {
    open my $handle, '<:raw', $file or die "$file: $!\n";
    local $/;
    (my $message = <$handle>) =~ s/\r?\n/\r\n/g;
    push @messages, $message;
}

my ($passed, $seconds, @signatures) = (0);
if ($mode eq 'verify') {
    no warnings 'redefine';
    # Answer every key query with the one record; anything else (policies) finds nothing.
    *Mail::DKIM::DNS::query = sub {
        my ($name, $type) = @_;
        return () unless $name =~ /\._domainkey\./ && $type eq 'TXT';
        return (FakeTXT->new($key));
    };
    my $start = time;
    foreach my $message (@messages) {
        my $verifier = Mail::DKIM::Verifier->new();
        $verifier->PRINT($message);
        $verifier->CLOSE();
        $passed++ if $verifier->result eq 'pass';
    }
    $seconds = time - $start;
} else {
    # Mail::DKIM's KeyFile reader wants PKCS#1; load the PEM through OpenSSL, once.
    open my $handle, '<', $key or die "$key: $!\n";
    my $pem = do { local $/; <$handle> };
    my $private = Mail::DKIM::PrivateKey->load(Cork => Crypt::OpenSSL::RSA->new_private_key($pem));
    my $policy = sub {
        my $dkim = shift;
        # The same header fields toaster-dk and dkimpy sign.
        $dkim->add_signature(
            $kind eq 'dk-nofws'
            ? Mail::DKIM::DkSignature->new(
                Algorithm => 'rsa-sha1', Method => 'nofws', Domain => 'example.com',
                Selector => 'bench')
            : Mail::DKIM::Signature->new(
                Algorithm => 'rsa-sha256', Method => 'relaxed/relaxed', Domain => 'example.com',
                Selector => 'bench',
                Headers => 'from:to:subject:date:message-id:mime-version:content-type'));
        return;
    };
    my $start = time;
    foreach my $message (@messages) {
        my $signer = Mail::DKIM::Signer->new(Key => $private, Policy => $policy);
        $signer->PRINT($message);
        $signer->CLOSE();
        my $signature = $signer->signature;
        $passed++ if $signature && $signature->data;
        push @signatures, $signature->as_string;
    }
    $seconds = time - $start;
    if ($outdir ne '-') {
        foreach my $index (0 .. $#files) {
            (my $text = "$signatures[$index]\r\n$messages[$index]") =~ s/\r\n/\n/g;
            my $path = "$outdir/" . basename($files[$index]);
            open my $out, '>:raw', $path or die "$path: $!\n";
            print $out $text;
            close $out or die "$path: $!\n";
        }
    }
}
printf "%d %d %.6f\n", scalar @messages, $passed, $seconds;

package FakeTXT;
sub new { my ($class, $text) = @_; return bless { text => $text }, $class; }
sub type { return 'TXT'; }
sub txtdata { return ($_[0]{text}); }
sub char_str_list { return ($_[0]{text}); }
